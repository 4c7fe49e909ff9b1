package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A VM scale set as far as load balancing is concerned: the health probe of its network profile
 * and the pools its instances join.
 *
 * @param healthProbeId the load balancer probe named in the network profile, null when none
 */
public record VmScaleSet(
    String id, String name, String resourceGroup, String healthProbeId, List<String> backendPoolIds, List<String> natPoolIds, String nsgId, Origin origin) {
  public VmScaleSet {
    backendPoolIds = List.copyOf(backendPoolIds);
    natPoolIds = List.copyOf(natPoolIds);
  }
}
