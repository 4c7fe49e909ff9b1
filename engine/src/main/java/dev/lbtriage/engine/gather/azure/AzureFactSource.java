package dev.lbtriage.engine.gather.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LbSku;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link FactSource} reading live from Azure Resource Manager, read-only. A load balancer is
 * named by ARM id, by {@code <resource-group>/<name>}, or by name (looked up in the configured
 * resource group, else across the subscription). See {@link LiveReader} for what is read and
 * {@code engine/AZURE.md} for the permissions needed.
 */
public final class AzureFactSource implements FactSource {

  private static final String LBS = "/providers/Microsoft.Network/loadBalancers";

  private final AzureCloudConfig cloud;
  private final AzureReadOptions options;
  private final ArmClient arm;

  public AzureFactSource(AzureCloudConfig cloud, TokenCredential credential, AzureReadOptions options) {
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.options = Objects.requireNonNull(options, "options");
    this.arm = new ArmClient(ArmClient.pipeline(cloud, Objects.requireNonNull(credential, "credential"), options),
        cloud.resourceManagerEndpoint());
  }

  /** With {@code DefaultAzureCredential} (environment, workload identity, managed identity, Azure CLI...). */
  public static AzureFactSource withDefaultCredential(AzureCloudConfig cloud, AzureReadOptions options) {
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().authorityHost(cloud.authorityHost());
    if (cloud.tenantId() != null) {
      builder.tenantId(cloud.tenantId());
    }
    return new AzureFactSource(cloud, builder.build(), options);
  }

  @Override
  public List<LoadBalancerSummary> loadBalancers() {
    return arm.list(scope() + LBS, ApiVersions.NETWORK).stream().map(AzureFactSource::summary).toList();
  }

  @Override
  public AzureFacts gather(String lbIdOrName, Progress progress) {
    return read(lbIdOrName, progress).facts();
  }

  /** Reads everything about one load balancer; {@link LiveRead#facts()} and {@link Capture} take it from there. */
  public LiveRead read(String lbIdOrName, Progress progress) {
    progress.update("reading load balancer " + lbIdOrName, 0, 1);
    JsonNode lb = loadBalancer(lbIdOrName);
    progress.update("reading load balancer " + lbIdOrName, 1, 1);
    try (TaskRunner runner = new TaskRunner(options.parallelism())) {
      Documents docs = new LiveReader(arm, options, runner).read(lb, progress);
      LiveRead read = new LiveRead(lb.path("id").asText(), docs);
      if (options.verifyProbeFlows()) {
        read = read.withProbeFlows(new ProbeFlowCheck(arm, options, runner).run(read.facts(), read.loadBalancerId(),
            progress));
      }
      return read;
    }
  }

  /**
   * Network Watcher's verdict on the health probe's flow (TCP from {@code 168.63.129.16}) to one
   * backend. Optional, read-style; needs {@code Microsoft.Network/networkWatchers/ipFlowVerify/action}.
   *
   * @param vmId the backend VM (as in {@link dev.lbtriage.rules.facts.VirtualMachine#id()})
   * @param location the VM's region, e.g. {@code eastus}
   * @param localIp the backend NIC's private IP
   * @param probePort the probe's port
   * @throws ArmReadException when there is no watcher in the region or the action is refused
   */
  public FlowVerdict verifyProbeFlow(String vmId, String location, String localIp, int probePort) {
    String subscription = Objects.requireNonNullElseGet(ArmId.subscription(vmId), this::subscription);
    return new ProbeFlowVerifier(arm, options).verify(subscription, vmId, location, localIp, probePort);
  }

  @Override
  public String describe() {
    return "Azure " + cloud.cloud() + " (" + cloud.resourceManagerEndpoint() + ")"
        + (cloud.subscriptionId() == null ? "" : ", subscription " + cloud.subscriptionId())
        + (cloud.resourceGroup() == null ? "" : ", resource group " + cloud.resourceGroup());
  }

  private JsonNode loadBalancer(String ref) {
    Objects.requireNonNull(ref, "load balancer");
    String id;
    if (ref.startsWith("/")) {
      id = ref;
    } else if (ref.contains("/")) {
      String[] parts = ref.split("/", 2);
      id = "/subscriptions/" + subscription() + "/resourceGroups/" + parts[0] + LBS + "/" + parts[1];
    } else if (cloud.resourceGroup() != null) {
      id = "/subscriptions/" + subscription() + "/resourceGroups/" + cloud.resourceGroup() + LBS + "/" + ref;
    } else {
      List<String> ids = loadBalancers().stream().filter(s -> s.name().equalsIgnoreCase(ref))
          .map(LoadBalancerSummary::id).toList();
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("no load balancer named '" + ref + "' in " + describe());
      }
      if (ids.size() > 1) {
        throw new IllegalArgumentException("several load balancers are named '" + ref + "'; give the resource group "
            + "or the id: " + String.join(", ", ids));
      }
      id = ids.get(0);
    }
    try {
      return arm.get(id, ApiVersions.NETWORK, null);
    } catch (ArmReadException e) {
      if (e.status() == 404) {
        throw new IllegalArgumentException("no load balancer " + id + " in " + describe(), e);
      }
      throw e;
    }
  }

  private String scope() {
    return "/subscriptions/" + subscription() + (cloud.resourceGroup() == null ? "" : "/resourceGroups/" + cloud.resourceGroup());
  }

  private String subscription() {
    if (cloud.subscriptionId() != null) {
      return cloud.subscriptionId();
    }
    List<String> subs = arm.list("/subscriptions", ApiVersions.RESOURCES).stream()
        .map(s -> s.path("subscriptionId").asText(null)).filter(Objects::nonNull).toList();
    if (subs.size() != 1) {
      throw new IllegalStateException(subs.isEmpty() ? "this identity can see no subscription"
          : "this identity can see several subscriptions; choose one: " + String.join(", ", subs));
    }
    return subs.get(0);
  }

  static LoadBalancerSummary summary(JsonNode lb) {
    String id = lb.path("id").asText();
    String sku = lb.path("sku").path("name").asText("").toUpperCase(Locale.ROOT);
    LbSku lbSku = switch (sku) {
      case "BASIC" -> LbSku.BASIC;
      case "STANDARD" -> LbSku.STANDARD;
      case "GATEWAY" -> LbSku.GATEWAY;
      default -> LbSku.UNKNOWN;
    };
    boolean internal = true;
    for (JsonNode f : lb.path("properties").path("frontendIPConfigurations")) {
      JsonNode p = f.path("properties");
      internal &= !p.has("publicIPAddress") && !p.has("publicIPPrefix");
    }
    return new LoadBalancerSummary(id, lb.path("name").asText(ArmId.name(id)), ArmId.resourceGroup(id),
        lb.path("location").asText(null), lbSku, internal, "azure:GET loadBalancers");
  }
}
