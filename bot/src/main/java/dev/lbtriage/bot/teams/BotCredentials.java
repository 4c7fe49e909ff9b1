package dev.lbtriage.bot.teams;

import com.azure.core.credential.TokenCredential;
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
    if (s.managedIdentity()) {
      return new ManagedIdentityCredentialBuilder().clientId(s.appId()).build();
    }
    if (s.certificate() != null) {
      ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().tenantId(s.tenantId()).clientId(s.appId());
      String name = s.certificate().getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pfx") || name.endsWith(".p12")) {
        b.pfxCertificate(s.certificate().toString()).clientCertificatePassword(s.certificatePassword());
      } else {
        b.pemCertificate(s.certificate().toString());
      }
      return b.build();
    }
    return new ClientSecretCredentialBuilder().tenantId(s.tenantId()).clientId(s.appId()).clientSecret(s.password()).build();
  }
}
