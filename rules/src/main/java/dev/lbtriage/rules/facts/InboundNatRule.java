package dev.lbtriage.rules.facts;

/**
 * An inbound NAT rule: one frontend port to one backend IP configuration.
 *
 * @param backendIpConfigurationId the NIC IP configuration it maps to, null when unassigned
 */
public record InboundNatRule(
    String id,
    String name,
    String loadBalancerId,
    String frontendId,
    TransportProtocol protocol,
    int frontendPort,
    int backendPort,
    String backendIpConfigurationId,
    Origin origin) {}
