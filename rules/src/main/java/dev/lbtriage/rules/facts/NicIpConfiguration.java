package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * An IP configuration of a NIC.
 *
 * @param backendPoolIds the load balancer pools this configuration joined
 * @param natRuleIds the inbound NAT rules that map to it
 */
public record NicIpConfiguration(
    String id,
    String name,
    String nicId,
    String privateIp,
    String subnetId,
    String publicIpId,
    boolean primary,
    List<String> backendPoolIds,
    List<String> natRuleIds) {
  public NicIpConfiguration {
    backendPoolIds = List.copyOf(backendPoolIds);
    natRuleIds = List.copyOf(natRuleIds);
  }
}
