package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A load-balancing rule: frontend port to backend port on the pools, watched by a probe.
 *
 * @param backendPoolIds the pool (or pools) the rule sends to
 * @param probeId null when the rule has no probe
 * @param frontendPort 0 with backendPort 0 for an HA-ports rule
 */
public record LoadBalancingRule(
    String id,
    String name,
    String loadBalancerId,
    String frontendId,
    List<String> backendPoolIds,
    String probeId,
    TransportProtocol protocol,
    int frontendPort,
    int backendPort,
    boolean floatingIp,
    Origin origin) {
  public LoadBalancingRule {
    backendPoolIds = List.copyOf(backendPoolIds);
  }
}
