package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveRoutes.EffectiveRoute;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.RouteOrigin;
import dev.lbtriage.rules.facts.RouteTable;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the route a destination takes: among active routes whose prefix holds the destination, the
 * longest prefix wins; on equal prefixes a user route beats a BGP route beats a system (Default)
 * route. Prefixes that are not addresses (service tags in user routes) are skipped. Without
 * effective routes, the subnet's route table is layered over Azure's system routes: the VNet's
 * address space (VnetLocal), peered spaces (VNetPeering), 0.0.0.0/0 (Internet) and 10.0.0.0/8,
 * 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10 (None). Gateway-learned routes cannot be known that
 * way; the decision's basis says which way was used.
 */
public final class RouteEvaluator {
  private RouteEvaluator() {}

  /** From a NIC's effective routes. */
  public static RouteDecision decide(EffectiveRoutes routes, String destinationIp) {
    String basis = "effective routes of " + routes.nicName()
        + (routes.origin() == null || routes.origin().file() == null ? "" : " (from " + routes.origin().file() + ")");
    return pick(routes.routes(), null, destinationIp, basis);
  }

  /**
   * From a route table (may be null) over the system routes of {@code vnet} (may be null: then only
   * the fixed system routes).
   */
  public static RouteDecision decide(RouteTable table, VirtualNetwork vnet, String destinationIp) {
    List<EffectiveRoute> all = new ArrayList<>();
    if (table != null) {
      for (RouteTable.Route r : table.routes()) {
        all.add(new EffectiveRoute(r.name(), RouteOrigin.USER, true, List.of(r.addressPrefix()), r.nextHopType(),
            r.nextHopIp() == null ? List.of() : List.of(r.nextHopIp())));
      }
    }
    all.addAll(systemRoutes(vnet));
    String basis = (table == null ? "no route table" : "route table " + table.name()) + " over system routes"
        + (vnet == null ? " (VNet not in the facts: its VnetLocal routes unknown)" : " of " + vnet.name());
    return pick(all, table == null ? null : table.name(), destinationIp, basis);
  }

  /** Azure's system routes for a VNet (without gateway or service-endpoint routes). */
  public static List<EffectiveRoute> systemRoutes(VirtualNetwork vnet) {
    List<EffectiveRoute> out = new ArrayList<>();
    if (vnet != null) {
      for (String p : vnet.addressSpace()) {
        out.add(system(p, NextHopType.VNET_LOCAL));
      }
      for (String p : vnet.peeredAddressSpace()) {
        out.add(system(p, NextHopType.VNET_PEERING));
      }
    }
    out.add(system("0.0.0.0/0", NextHopType.INTERNET));
    for (String p : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")) {
      out.add(system(p, NextHopType.NONE));
    }
    return out;
  }

  /** For a NIC (id or private IP): its effective routes, else its subnet's route table over system routes. */
  public static RouteDecision forNic(AzureFacts facts, String nicIdOrIp, String destinationIp) {
    Optional<NetworkInterface> nic = FlowEvaluator.findNic(facts, nicIdOrIp);
    if (nic.isEmpty()) {
      return RouteDecision.none(destinationIp, "NIC '" + nicIdOrIp + "' is not in the facts: route unknown");
    }
    Optional<EffectiveRoutes> eff = facts.effectiveRoutesOf(nic.get().id());
    if (eff.isPresent()) {
      return decide(eff.get(), destinationIp);
    }
    NicIpConfiguration ipc = FlowEvaluator.ipConfiguration(nic.get(), nicIdOrIp);
    String subnetId = ipc == null ? null : ipc.subnetId();
    Optional<Subnet> subnet = subnetId == null ? Optional.empty() : facts.subnet(subnetId);
    if (subnet.isEmpty()) {
      return RouteDecision.none(destinationIp, "subnet " + (subnetId == null ? "of the NIC" : "'" + ArmId.name(subnetId) + "'")
          + " is not in the facts and there are no effective routes: route unknown");
    }
    RouteTable table = subnet.get().routeTableId() == null ? null : facts.routeTable(subnet.get().routeTableId()).orElse(null);
    VirtualNetwork vnet = facts.vnet(subnet.get().vnetId() == null ? ArmId.parent(subnetId) : subnet.get().vnetId()).orElse(null);
    RouteDecision d = decide(table, vnet, destinationIp);
    if (table == null && subnet.get().routeTableId() != null) {
      return new RouteDecision(d.destination(), d.prefix(), d.origin(), d.nextHopType(), d.nextHopIps(), d.routeName(),
          d.routeTableName(), d.basis() + "; route table '" + ArmId.name(subnet.get().routeTableId())
          + "' is attached but not in the facts, so this may be wrong");
    }
    return d;
  }

  private static EffectiveRoute system(String prefix, NextHopType hop) {
    return new EffectiveRoute(null, RouteOrigin.DEFAULT, true, List.of(prefix), hop, List.of());
  }

  private static RouteDecision pick(List<EffectiveRoute> routes, String tableName, String destinationIp, String basis) {
    IpPrefix dest = IpPrefix.parse(destinationIp);
    EffectiveRoute best = null;
    IpPrefix bestPrefix = null;
    for (EffectiveRoute r : routes) {
      if (!r.active()) {
        continue;
      }
      for (String p : r.addressPrefixes()) {
        if (!IpPrefix.isPrefix(p)) {
          continue;
        }
        IpPrefix prefix = IpPrefix.parse(p);
        if (!prefix.contains(dest)) {
          continue;
        }
        if (best == null || prefix.length() > bestPrefix.length()
            || (prefix.length() == bestPrefix.length() && rank(r.source()) < rank(best.source()))) {
          best = r;
          bestPrefix = prefix;
        }
      }
    }
    if (best == null) {
      return RouteDecision.none(destinationIp, basis);
    }
    return new RouteDecision(destinationIp, bestPrefix.toString(), best.source(), best.nextHopType(), best.nextHopIps(), best.name(),
        best.source() == RouteOrigin.USER ? tableName : null, basis);
  }

  private static int rank(RouteOrigin o) {
    return switch (o) {
      case USER -> 0;
      case BGP -> 1;
      case DEFAULT -> 2;
    };
  }
}
