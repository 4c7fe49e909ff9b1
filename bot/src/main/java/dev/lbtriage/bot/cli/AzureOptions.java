package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import dev.lbtriage.engine.gather.azure.AzureFactSource;
import dev.lbtriage.engine.gather.azure.AzureReadOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Azure flags, spelled as {@code az} spells them: {@code --subscription}, {@code -g/--resource-group},
 * and the sign-in flags of {@link SignInOptions} (see engine/AZURE.md).
 */
public final class AzureOptions {

  @Option(names = "--subscription", paramLabel = "ID", description = "Azure subscription (default: AZURE_SUBSCRIPTION_ID, or the only one you see).")
  String subscription;

  @Option(names = {"-g", "--resource-group"}, paramLabel = "RG", description = "Only load balancers in this resource group.")
  String resourceGroup;

  @Mixin SignInOptions signIn = new SignInOptions();

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
    return subscription != null || signIn.anyGiven();
  }

  /**
   * The live source, its credential checked: an unusable flag (unknown cloud, http URL, both cloud
   * and endpoint) is bad input; no login is a {@link ReportedFailure} saying what to do.
   */
  public AzureFactSource open() {
    AzureCloudConfig config = signIn.config(subscription, resourceGroup, "cannot use --azure");
    AzureReadOptions options = AzureTestHooks.seam != null ? AzureTestHooks.seam.options() : AzureReadOptions.defaults();
    try {
      return new AzureFactSource(config, SignInOptions.signedIn(config), options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInputException("cannot use --azure: " + e.getMessage(), e);
    }
  }

  /** {@link #open()} seen through the resource group, subscription and {@code name} filters. */
  public FactSource openScoped(String name) {
    return ScopedFactSource.of(open(), resourceGroup, name, subscription);
  }
}
