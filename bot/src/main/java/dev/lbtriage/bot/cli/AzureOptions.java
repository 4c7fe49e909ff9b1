package dev.lbtriage.bot.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import dev.lbtriage.engine.gather.azure.AzureFactSource;
import dev.lbtriage.engine.gather.azure.AzureReadOptions;
import picocli.CommandLine.Option;

/**
 * The Azure flags, spelled as {@code az} spells them: {@code --subscription}, {@code -g/--resource-group},
 * {@code --tenant}, {@code --cloud} (see engine/AZURE.md). Credentials are whatever {@code
 * DefaultAzureCredential} finds (checked once, quickly, before reading), unless a test has set
 * {@link AzureTestHooks}.
 */
public final class AzureOptions {

  @Option(names = "--subscription", paramLabel = "ID", description = "Azure subscription (default: AZURE_SUBSCRIPTION_ID, or the only one you see).")
  String subscription;

  @Option(names = {"-g", "--resource-group"}, paramLabel = "RG", description = "Only load balancers in this resource group.")
  String resourceGroup;

  @Option(names = "--cloud", paramLabel = "NAME", description = "AzureCloud (default), AzureChinaCloud or AzureUSGovernment.")
  String cloud;

  @Option(names = "--arm-endpoint", paramLabel = "URL", description = "Custom Resource Manager endpoint (Azure Stack Hub).")
  String armEndpoint;

  @Option(names = "--authority-host", paramLabel = "URL", description = "Custom authority host (default: AZURE_AUTHORITY_HOST or the cloud's).")
  String authorityHost;

  @Option(names = "--tenant", paramLabel = "ID", description = "Entra ID tenant (default: AZURE_TENANT_ID).")
  String tenant;

  /** The resource group filter, or null. */
  public String resourceGroup() {
    return resourceGroup;
  }

  /** The subscription given on the command line, or null. */
  public String subscription() {
    return subscription;
  }

  /** True when a flag that only makes sense with Azure was given. */
  public boolean anyAzureOnlyFlag() {
    return subscription != null || cloud != null || armEndpoint != null || authorityHost != null || tenant != null;
  }

  /**
   * The live source, its credential checked: an unusable flag (unknown cloud, http URL, both cloud
   * and endpoint) is bad input; no login is a {@link ReportedFailure} saying what to do.
   */
  public AzureFactSource open() {
    AzureCloudConfig config;
    try {
      config = AzureCloudConfig.fromFlags(cloud, armEndpoint, authorityHost, null, subscription, tenant, resourceGroup, System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInputException("cannot use --azure: " + e.getMessage(), e);
    }
    AzureTestHooks.Seam seam = AzureTestHooks.seam;
    TokenCredential credential;
    AzureReadOptions options;
    if (seam != null) {
      credential = seam.credential();
      options = seam.options();
    } else {
      DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().authorityHost(config.authorityHost());
      if (config.tenantId() != null) {
        builder.tenantId(config.tenantId());
      }
      credential = builder.build();
      options = AzureReadOptions.defaults();
    }
    try {
      return new AzureFactSource(config, AzureLogin.require(credential, config.scope()), options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInputException("cannot use --azure: " + e.getMessage(), e);
    }
  }

  /** {@link #open()} seen through the resource group, subscription and {@code name} filters. */
  public FactSource openScoped(String name) {
    return ScopedFactSource.of(open(), resourceGroup, name, subscription);
  }
}
