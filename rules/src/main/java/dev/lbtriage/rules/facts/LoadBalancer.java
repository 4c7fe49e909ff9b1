package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A load balancer with its children. Children are also inserted as facts of their own; they point
 * back to the load balancer by id.
 */
public record LoadBalancer(
    String id,
    String name,
    String resourceGroup,
    String location,
    LbSku sku,
    List<Frontend> frontends,
    List<HealthProbe> probes,
    List<LoadBalancingRule> rules,
    List<InboundNatRule> natRules,
    List<BackendPool> pools,
    Origin origin) {
  public LoadBalancer {
    frontends = List.copyOf(frontends);
    probes = List.copyOf(probes);
    rules = List.copyOf(rules);
    natRules = List.copyOf(natRules);
    pools = List.copyOf(pools);
  }

  /** Internal when no frontend has a public IP. */
  public boolean internal() {
    return !frontends.isEmpty() && frontends.stream().noneMatch(Frontend::isPublic);
  }
}
