package dev.lbtriage.bot.cli;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Asks the credential for a token once, before anything is read, so a missing login is one line
 * within seconds instead of the SDK's retries and warnings. The token is kept for the reads that follow.
 */
final class AzureLogin {
  private static final Logger LOG = LoggerFactory.getLogger(AzureLogin.class);
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final String WHAT_TO_DO = "run az login (and az account set --subscription ID), or set AZURE_TENANT_ID, "
      + "AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal, or run where a managed identity is assigned";

  private AzureLogin() {}

  /**
   * @return a credential that hands out the token just obtained while it is valid
   * @throws ReportedFailure when no token comes within {@link #TIMEOUT}
   */
  static TokenCredential require(TokenCredential credential, String scope) {
    TokenRequestContext ctx = new TokenRequestContext().addScopes(scope);
    AccessToken token;
    try {
      token = credential.getToken(ctx).block(TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warn("no Azure access token for {}", scope, e);
      throw new ReportedFailure("not signed in to Azure: " + WHAT_TO_DO + LogSetup.detailsHint(), e);
    }
    if (token == null) {
      throw new ReportedFailure("not signed in to Azure: " + WHAT_TO_DO + LogSetup.detailsHint(), null);
    }
    AccessToken first = token;
    return request -> {
      boolean same = List.of(scope).equals(request.getScopes());
      return same && first.getExpiresAt().isAfter(OffsetDateTime.now().plusMinutes(2)) ? Mono.just(first) : credential.getToken(request);
    };
  }
}
