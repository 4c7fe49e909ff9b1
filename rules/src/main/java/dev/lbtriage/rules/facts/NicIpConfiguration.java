package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * An IP configuration of a NIC.
 *
 * @param backendPoolIds the load balancer pools this configuration joined
 * @param natRuleIds the inbound NAT rules that map to it
 * @param applicationSecurityGroupIds the application security groups it belongs to
 *     ({@code properties.applicationSecurityGroups}; empty when none). NSG rules whose source or
 *     destination is an ASG match this configuration's private IP exactly when the ASG is listed
 *     here (https://learn.microsoft.com/azure/virtual-network/application-security-groups).
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
    List<String> natRuleIds,
    List<String> applicationSecurityGroupIds) {
  public NicIpConfiguration {
    backendPoolIds = List.copyOf(backendPoolIds);
    natRuleIds = List.copyOf(natRuleIds);
    applicationSecurityGroupIds = List.copyOf(applicationSecurityGroupIds);
  }

  /** Without application security groups. */
  public NicIpConfiguration(String id, String name, String nicId, String privateIp, String subnetId, String publicIpId,
      boolean primary, List<String> backendPoolIds, List<String> natRuleIds) {
    this(id, name, nicId, privateIp, subnetId, publicIpId, primary, backendPoolIds, natRuleIds, List.of());
  }
}
