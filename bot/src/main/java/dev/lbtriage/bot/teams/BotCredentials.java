package dev.lbtriage.bot.teams;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.util.Locale;

/**
 * The azure-identity credential that gets the bot its Bot Connector tokens: a managed identity ({@code
 * UserAssignedMSI}), else the app registration's certificate, else its client secret; single-tenant, so the
 * authority is the bot's tenant ({@code https://login.microsoftonline.com/{tenant}}).
 */
final class BotCredentials {
  private BotCredentials() {}

  static TokenCredential of(TeamsSettings s) {
    return of(s, null, null);
  }

  /**
   * The same against another Entra authority (tests: a stub token endpoint on loopback HTTPS).
   *
   * @param authorityHost e.g. {@code https://127.0.0.1:8443/}, null for the public cloud's; instance discovery is
   *     off when it is given (a private authority is not in Microsoft's list)
   * @param http the HTTP client azure-identity uses (its TLS trust), null for the default
   */
  static TokenCredential of(TeamsSettings s, String authorityHost, HttpClient http) {
    if (s.managedIdentity()) {
      ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder().clientId(s.appId());
      if (http != null) {
        b.httpClient(http);
      }
      return b.build();
    }
    if (s.certificate() != null) {
      ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().tenantId(s.tenantId()).clientId(s.appId());
      String name = s.certificate().getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pfx") || name.endsWith(".p12")) {
        b.pfxCertificate(s.certificate().toString()).clientCertificatePassword(s.certificatePassword());
      } else {
        b.pemCertificate(s.certificate().toString());
      }
      if (authorityHost != null) {
        b.authorityHost(authorityHost).disableInstanceDiscovery();
      }
      if (http != null) {
        b.httpClient(http);
      }
      return b.build();
    }
    ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder().tenantId(s.tenantId()).clientId(s.appId()).clientSecret(s.password());
    if (authorityHost != null) {
      b.authorityHost(authorityHost).disableInstanceDiscovery();
    }
    if (http != null) {
      b.httpClient(http);
    }
    return b.build();
  }
}
