package dev.lbtriage.bot.teams;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The bot's identity, read from the environment under the names the Bot Framework samples use: {@code
 * MicrosoftAppId}, {@code MicrosoftAppTenantId}, {@code MicrosoftAppType} ({@code SingleTenant} or {@code
 * UserAssignedMSI}), and one secret: {@code MicrosoftAppPassword} (a client secret) or {@code
 * MicrosoftAppCertificatePath} (a PEM or PFX file, with {@code MicrosoftAppCertificatePassword} for a PFX), or
 * none with {@code UserAssignedMSI} (the managed identity whose client id is the app id). No app id at all means
 * development mode: no authentication, loopback only.
 */
record TeamsSettings(String appId, String tenantId, String appType, String password, Path certificate,
    String certificatePassword, URI openIdMetadata) {

  static final String APP_ID = "MicrosoftAppId";
  static final String TENANT = "MicrosoftAppTenantId";
  static final String TYPE = "MicrosoftAppType";
  static final String PASSWORD = "MicrosoftAppPassword";
  static final String CERTIFICATE = "MicrosoftAppCertificatePath";
  static final String CERTIFICATE_PASSWORD = "MicrosoftAppCertificatePassword";

  static TeamsSettings fromEnvironment(Map<String, String> env, URI openIdMetadata) {
    String certificate = blankToNull(env.get(CERTIFICATE));
    return new TeamsSettings(blankToNull(env.get(APP_ID)), blankToNull(env.get(TENANT)), blankToNull(env.get(TYPE)),
        blankToNull(env.get(PASSWORD)), certificate == null ? null : Path.of(certificate),
        blankToNull(env.get(CERTIFICATE_PASSWORD)), openIdMetadata);
  }

  /** No app id: nothing to check tokens against, so only the unauthenticated development mode is possible. */
  boolean developmentMode() {
    return appId == null;
  }

  boolean managedIdentity() {
    return appType != null && appType.toLowerCase(Locale.ROOT).equals("userassignedmsi");
  }

  /** What is wrong with these settings for a production start, or empty. */
  String problem() {
    if (developmentMode()) {
      return "";
    }
    if (appType != null && !managedIdentity() && !appType.equalsIgnoreCase("SingleTenant")) {
      return TYPE + " must be SingleTenant or UserAssignedMSI (new multi-tenant bots are no longer accepted), not " + appType;
    }
    if (tenantId == null) {
      return "missing " + TENANT + " (the Entra ID tenant of the single-tenant bot)";
    }
    if (!managedIdentity() && password == null && certificate == null) {
      return "missing " + PASSWORD + " or " + CERTIFICATE + " (or set " + TYPE + "=UserAssignedMSI)";
    }
    if (password != null && certificate != null) {
      return "set " + PASSWORD + " or " + CERTIFICATE + ", not both";
    }
    if (certificate != null && !certificate.toFile().isFile()) {
      return CERTIFICATE + " " + certificate + " is not a file";
    }
    return "";
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "TeamsSettings[appId=" + appId + ", tenantId=" + tenantId + ", appType=" + appType
        + ", password=" + (password == null ? "none" : "***") + ", certificate=" + certificate + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
