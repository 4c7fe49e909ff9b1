package dev.lbtriage.bot.teams;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token for calling the Bot Connector: scope {@value #SCOPE}, from an azure-identity credential
 * (client secret, certificate or managed identity, see {@link BotCredentials}), kept until five minutes before it
 * expires and then fetched again.
 */
final class ConnectorToken {
  static final String SCOPE = "https://api.botframework.com/.default";
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final TokenCredential credential;
  private final Clock clock;
  private AccessToken cached;

  ConnectorToken(TokenCredential credential, Clock clock) {
    this.credential = credential;
    this.clock = clock;
  }

  synchronized String get() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(cached.getExpiresAt().toInstant().minus(EARLY))) {
      AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
      if (token == null || token.getToken() == null) {
        throw new IllegalStateException("no token for " + SCOPE + " from " + credential.getClass().getSimpleName());
      }
      cached = token;
    }
    return cached.getToken();
  }

  /** Forgets the token (after the connector answered 401 to it). */
  synchronized void forget() {
    cached = null;
  }
}
