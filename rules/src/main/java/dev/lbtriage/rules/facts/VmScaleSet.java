package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A VM scale set as far as load balancing is concerned: the health probe of its network profile,
 * the pools its instances join, and the model's network profile (NSG, subnet and application
 * security groups of its NIC configurations), which decides for an instance whose own NIC is not in
 * the facts: Azure creates each instance NIC from the model's {@code networkInterfaceConfigurations}
 * (https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-networking).
 *
 * @param healthProbeId the load balancer probe named in the network profile, null when none
 * @param nsgId the NSG of the model's (primary) NIC configuration, null when none
 * @param subnetId the subnet of the model's primary IP configuration, null when not given
 * @param asgIds the application security groups of the model's IP configurations
 * @param nicConfigName the name of the model's primary NIC configuration (instance NICs carry it)
 */
public record VmScaleSet(
    String id, String name, String resourceGroup, String healthProbeId, List<String> backendPoolIds, List<String> natPoolIds,
    String nsgId, String subnetId, List<String> asgIds, String nicConfigName, Origin origin) {
  public VmScaleSet {
    backendPoolIds = List.copyOf(backendPoolIds);
    natPoolIds = List.copyOf(natPoolIds);
    asgIds = List.copyOf(asgIds);
  }

  /** Without the model's subnet, ASGs and NIC configuration name. */
  public VmScaleSet(
      String id, String name, String resourceGroup, String healthProbeId, List<String> backendPoolIds, List<String> natPoolIds,
      String nsgId, Origin origin) {
    this(id, name, resourceGroup, healthProbeId, backendPoolIds, natPoolIds, nsgId, null, List.of(), null, origin);
  }
}
