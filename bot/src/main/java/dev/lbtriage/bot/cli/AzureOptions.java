package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import dev.lbtriage.engine.gather.azure.AzureFactSource;
import dev.lbtriage.engine.gather.azure.AzureReadOptions;
import picocli.CommandLine.Option;

/**
 * The Azure flags of {@code diagnose --azure} and {@code capture}: which cloud, subscription,
 * resource group and tenant (see engine/AZURE.md). Credentials are whatever {@code
 * DefaultAzureCredential} finds, unless a test has set {@link AzureTestHooks}.
 */
public final class AzureOptions {

  @Option(names = "--subscription", paramLabel = "ID", description = "Azure subscription (default: AZURE_SUBSCRIPTION_ID, or the only one you see).")
  String subscription;

  @Option(names = "--resource-group", paramLabel = "RG", description = "Look for load balancers only in this resource group.")
  String resourceGroup;

  @Option(names = "--cloud", paramLabel = "NAME", description = "AzureCloud (default), AzureChinaCloud or AzureUSGovernment.")
  String cloud;

  @Option(names = "--arm-endpoint", paramLabel = "URL", description = "Custom Resource Manager endpoint (Azure Stack Hub).")
  String armEndpoint;

  @Option(names = "--authority-host", paramLabel = "URL", description = "Custom authority host (default: AZURE_AUTHORITY_HOST or the cloud's).")
  String authorityHost;

  @Option(names = "--tenant", paramLabel = "ID", description = "Entra ID tenant (default: AZURE_TENANT_ID).")
  String tenant;

  /** The live source; an unusable flag (unknown cloud, http URL, both cloud and endpoint) is bad input. */
  public AzureFactSource open() {
    try {
      AzureCloudConfig config = AzureCloudConfig.fromFlags(cloud, armEndpoint, authorityHost, null, subscription, tenant,
          resourceGroup, System.getenv());
      AzureTestHooks.Seam seam = AzureTestHooks.seam;
      if (seam != null) {
        return new AzureFactSource(config, seam.credential(), seam.options());
      }
      return AzureFactSource.withDefaultCredential(config, AzureReadOptions.defaults());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInputException("cannot use --azure: " + e.getMessage(), e);
    }
  }
}
