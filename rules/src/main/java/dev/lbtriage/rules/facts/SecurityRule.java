package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A security rule of an NSG, custom or default, or an effective security rule. Azure's singular
 * and plural fields ({@code sourceAddressPrefix} / {@code sourceAddressPrefixes}, ...) are merged
 * into the lists here. Prefixes are CIDRs, single addresses, service tags ({@code AzureLoadBalancer},
 * {@code VirtualNetwork}, {@code Internet}) or {@code *}; ports are {@code *}, {@code 80} or
 * {@code 8000-8080}.
 *
 * @param name as Azure names it (effective rules: {@code securityRules/x} or {@code defaultSecurityRules/x})
 * @param nsgId the NSG it belongs to
 * @param expandedSourcePrefixes effective rules only: what Azure expanded a tag to (empty otherwise)
 * @param expandedDestinationPrefixes effective rules only: what Azure expanded a tag to (empty otherwise)
 * @param sourceAsgIds application security groups as source (empty when none)
 * @param destinationAsgIds application security groups as destination (empty when none)
 * @param isDefault one of the six default rules
 */
public record SecurityRule(
    String name,
    String nsgId,
    int priority,
    Direction direction,
    Access access,
    TransportProtocol protocol,
    List<String> sourcePrefixes,
    List<String> sourcePorts,
    List<String> destinationPrefixes,
    List<String> destinationPorts,
    List<String> expandedSourcePrefixes,
    List<String> expandedDestinationPrefixes,
    List<String> sourceAsgIds,
    List<String> destinationAsgIds,
    boolean isDefault) {
  public SecurityRule {
    sourcePrefixes = List.copyOf(sourcePrefixes);
    sourcePorts = List.copyOf(sourcePorts);
    destinationPrefixes = List.copyOf(destinationPrefixes);
    destinationPorts = List.copyOf(destinationPorts);
    expandedSourcePrefixes = List.copyOf(expandedSourcePrefixes);
    expandedDestinationPrefixes = List.copyOf(expandedDestinationPrefixes);
    sourceAsgIds = List.copyOf(sourceAsgIds);
    destinationAsgIds = List.copyOf(destinationAsgIds);
  }

  /** {@code nsg-name/rule-name@priority}, as findings show it. */
  public String label() {
    return ArmId.name(nsgId) + "/" + name + "@" + priority;
  }
}
