package dev.lbtriage.bot.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import picocli.CommandLine.Option;

/**
 * Where to sign in, spelled as {@code az} spells it: {@code --cloud}, {@code --arm-endpoint}, {@code
 * --authority-host}, {@code --tenant}. Shared by every command that talks to Azure (the live read through
 * {@link AzureOptions}, the fleet scan); the credential is whatever {@code DefaultAzureCredential} finds,
 * unless a test has set {@link AzureTestHooks}.
 */
public final class SignInOptions {

  @Option(names = "--cloud", paramLabel = "NAME", description = "AzureCloud (default), AzureChinaCloud or AzureUSGovernment.")
  String cloud;

  @Option(names = "--arm-endpoint", paramLabel = "URL", description = "Custom Resource Manager endpoint (Azure Stack Hub).")
  String armEndpoint;

  @Option(names = "--authority-host", paramLabel = "URL", description = "Custom authority host (default: AZURE_AUTHORITY_HOST or the cloud's).")
  String authorityHost;

  @Option(names = "--tenant", paramLabel = "ID", description = "Entra ID tenant (default: AZURE_TENANT_ID).")
  String tenant;

  /** True when a sign-in flag was given. */
  boolean anyGiven() {
    return cloud != null || armEndpoint != null || authorityHost != null || tenant != null;
  }

  /**
   * The cloud these flags and the environment name; an unusable flag (unknown cloud, http URL, both cloud and
   * endpoint) is bad input, its message starting with {@code what} ("cannot use --azure", "cannot scan").
   */
  AzureCloudConfig config(String subscription, String resourceGroup, String what) {
    try {
      return AzureCloudConfig.fromFlags(cloud, armEndpoint, authorityHost, null, subscription, tenant, resourceGroup, System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInputException(what + ": " + e.getMessage(), e);
    }
  }

  /** The credential for {@code config}: the test seam's when set, else {@code DefaultAzureCredential} for its tenant and authority. */
  static TokenCredential credential(AzureCloudConfig config) {
    AzureTestHooks.Seam seam = AzureTestHooks.seam;
    if (seam != null) {
      return seam.credential();
    }
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().authorityHost(config.authorityHost());
    if (config.tenantId() != null) {
      builder.tenantId(config.tenantId());
    }
    return builder.build();
  }

  /** {@link #credential} checked once, quickly, before reading: no login is a {@link ReportedFailure} saying what to do. */
  static TokenCredential signedIn(AzureCloudConfig config) {
    return AzureLogin.require(credential(config), config.scope());
  }
}
