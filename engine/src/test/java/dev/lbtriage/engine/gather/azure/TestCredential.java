package dev.lbtriage.engine.gather.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A credential that hands out a fixed token and remembers the scopes asked for. */
final class TestCredential implements TokenCredential {

  static final String TOKEN = "stub-secret-token-7f3a";

  final List<String> scopes = new CopyOnWriteArrayList<>();

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromSupplier(() -> getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    scopes.addAll(request.getScopes());
    return new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1));
  }
}
