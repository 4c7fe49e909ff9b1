package dev.lbtriage.rules.facts;

import java.util.List;

/** A route table (user-defined routes). */
public record RouteTable(String id, String name, String resourceGroup, List<Route> routes, boolean disableBgpRoutePropagation, Origin origin) {
  public RouteTable {
    routes = List.copyOf(routes);
  }

  /** One user-defined route. {@code nextHopIp} only for virtual appliances. */
  public record Route(String name, String addressPrefix, NextHopType nextHopType, String nextHopIp) {}
}
