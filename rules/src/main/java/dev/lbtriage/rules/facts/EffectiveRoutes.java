package dev.lbtriage.rules.facts;

import java.util.List;

/** The effective route table of a NIC. */
public record EffectiveRoutes(String nicId, String nicName, List<EffectiveRoute> routes, Origin origin) {
  public EffectiveRoutes {
    routes = List.copyOf(routes);
  }

  /**
   * One effective route.
   *
   * @param name the user route's name, null for system routes
   * @param active false for routes Azure shows as Invalid
   */
  public record EffectiveRoute(
      String name, RouteOrigin source, boolean active, List<String> addressPrefixes, NextHopType nextHopType, List<String> nextHopIps) {
    public EffectiveRoute {
      addressPrefixes = List.copyOf(addressPrefixes);
      nextHopIps = List.copyOf(nextHopIps);
    }
  }
}
