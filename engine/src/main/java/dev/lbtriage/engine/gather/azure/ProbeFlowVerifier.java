package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks Network Watcher ({@code POST .../networkWatchers/<w>/ipFlowVerify}, a read-style action)
 * whether the health probe's flow, TCP from {@code 168.63.129.16} to the backend's IP and probe
 * port, is allowed by the NSGs in force. Needs a Network Watcher in the VM's region and
 * {@code Microsoft.Network/networkWatchers/ipFlowVerify/action}.
 */
final class ProbeFlowVerifier {

  /** The address Azure's health probes come from (service tag AzureLoadBalancer). */
  static final String PROBE_SOURCE = dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP;

  private final ArmClient arm;
  private final AzureReadOptions options;

  ProbeFlowVerifier(ArmClient arm, AzureReadOptions options) {
    this.arm = arm;
    this.options = options;
  }

  FlowVerdict verify(String subscription, String vmId, String location, String localIp, int port) {
    String watcher = watcher(subscription, location)
        .orElseThrow(() -> new ArmReadException(404, null, "no Network Watcher in region " + location
            + " of subscription " + subscription, null));
    return verify(watcher, vmId, localIp, port);
  }

  /** The subscription's Network Watcher in this region, if any; throws {@link ArmReadException} when the list fails. */
  Optional<String> watcher(String subscription, String location) {
    return arm.list("/subscriptions/" + subscription + "/providers/Microsoft.Network/networkWatchers",
            ApiVersions.NETWORK).stream()
        .filter(w -> normalize(w.path("location").asText()).equals(normalize(location)))
        .map(w -> w.path("id").asText())
        .findFirst();
  }

  /** Asks this watcher about TCP from the probe address to {@code localIp:port} of the VM. */
  FlowVerdict verify(String watcher, String vmId, String localIp, int port) {
    ObjectNode body = body(vmId, localIp, port);
    JsonNode result = arm.action(watcher, "ipFlowVerify", ApiVersions.NETWORK, body, options.pollInterval(),
        options.lroTimeout());
    return new FlowVerdict(vmId, localIp, port, PROBE_SOURCE, result.path("access").asText(null),
        result.path("ruleName").asText(null), watcher);
  }

  /** The {@code VerificationIPFlowParameters} of the probe flow to {@code localIp:port} of the VM. */
  static ObjectNode body(String vmId, String localIp, int port) {
    return ArmClient.JSON.createObjectNode()
        .put("targetResourceId", vmId).put("direction", "Inbound").put("protocol", "TCP")
        .put("localPort", String.valueOf(port)).put("remotePort", "*")
        .put("localIPAddress", localIp).put("remoteIPAddress", PROBE_SOURCE);
  }

  /** {@code East US} and {@code eastus} are the same region. */
  static String normalize(String location) {
    return location.replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
