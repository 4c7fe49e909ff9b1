package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveRoutes.EffectiveRoute;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.RouteOrigin;
import dev.lbtriage.rules.facts.RouteTable;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteEvaluatorTest {
  static final String FILE = "azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveRouteTableList.json";

  static EffectiveRoutes fixture() {
    return ArmJson.routes(ArmJson.read(FILE).at("/responses/200/body"), "/subscriptions/subid/networkInterfaces/nic1", FILE);
  }

  static EffectiveRoute route(String name, RouteOrigin o, boolean active, String prefix, NextHopType hop, String... ips) {
    return new EffectiveRoute(name, o, active, List.of(prefix), hop, List.of(ips));
  }

  static RouteDecision decide(String dest, EffectiveRoute... routes) {
    return RouteEvaluator.decide(new EffectiveRoutes("nic", "nic1", List.of(routes), new Origin(null, "routes.json")), dest);
  }

  @Test
  void fixtureDefaultRoutes() {
    EffectiveRoutes r = fixture();
    assertThat(RouteEvaluator.decide(r, "172.20.2.7").nextHopType()).isEqualTo(NextHopType.VNET_LOCAL);
    RouteDecision ten = RouteEvaluator.decide(r, "10.1.2.3");
    assertThat(ten.prefix()).isEqualTo("10.0.0.0/8");
    assertThat(ten.dropped()).isTrue();
    assertThat(ten.describe()).isEqualTo("10.0.0.0/8 -> None (system route)");
    assertThat(RouteEvaluator.decide(r, "100.64.0.1").dropped()).isTrue();
    assertThat(RouteEvaluator.decide(r, "172.16.5.5").dropped()).isTrue();
    assertThat(RouteEvaluator.decide(r, "192.168.1.1").dropped()).isTrue();
    RouteDecision web = RouteEvaluator.decide(r, "8.8.8.8");
    assertThat(web.nextHopType()).isEqualTo(NextHopType.INTERNET);
    assertThat(web.dropped()).isFalse();
    assertThat(web.basis()).contains(FILE);
  }

  @Test
  void longestPrefixWins() {
    RouteDecision d = decide("10.0.2.9",
        route(null, RouteOrigin.DEFAULT, true, "10.0.0.0/8", NextHopType.NONE),
        route("to-fw", RouteOrigin.USER, true, "10.0.0.0/16", NextHopType.VIRTUAL_APPLIANCE, "10.0.2.4"),
        route(null, RouteOrigin.DEFAULT, true, "10.0.2.0/24", NextHopType.VNET_LOCAL));
    assertThat(d.prefix()).isEqualTo("10.0.2.0/24");
    assertThat(d.nextHopType()).isEqualTo(NextHopType.VNET_LOCAL);
  }

  @Test
  void userBeatsBgpBeatsDefaultOnEqualPrefix() {
    EffectiveRoute sys = route(null, RouteOrigin.DEFAULT, true, "0.0.0.0/0", NextHopType.INTERNET);
    EffectiveRoute bgp = route(null, RouteOrigin.BGP, true, "0.0.0.0/0", NextHopType.VIRTUAL_NETWORK_GATEWAY, "10.9.0.1");
    EffectiveRoute user = route("to-fw", RouteOrigin.USER, true, "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.2.4");
    assertThat(decide("8.8.8.8", sys, bgp).origin()).isEqualTo(RouteOrigin.BGP);
    assertThat(decide("8.8.8.8", user, sys, bgp).origin()).isEqualTo(RouteOrigin.USER);
    assertThat(decide("8.8.8.8", sys, user).forcedToVirtualAppliance()).isTrue();
  }

  @Test
  void inactiveRoutesIgnored() {
    RouteDecision d = decide("8.8.8.8",
        route(null, RouteOrigin.DEFAULT, true, "0.0.0.0/0", NextHopType.INTERNET),
        route("to-fw", RouteOrigin.USER, false, "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.2.4"));
    assertThat(d.nextHopType()).isEqualTo(NextHopType.INTERNET);
    assertThat(decide("8.8.8.8", route("x", RouteOrigin.USER, false, "0.0.0.0/0", NextHopType.INTERNET)).found()).isFalse();
  }

  @Test
  void routeTableOverSystemRoutes() {
    RouteTable rt = new RouteTable("/rt/rt-web", "rt-web", "rg",
        List.of(new RouteTable.Route("to-fw", "10.0.0.0/8", NextHopType.VIRTUAL_APPLIANCE, "10.0.2.4"),
            new RouteTable.Route("blackhole", "203.0.113.0/24", NextHopType.NONE, null)),
        false, new Origin("/rt/rt-web", "rt.json"));
    VirtualNetwork vnet = new VirtualNetwork("/vnet/v", "vnet-web", List.of("10.0.0.0/16"), List.of("10.1.0.0/16"), null);
    RouteDecision d = RouteEvaluator.decide(rt, vnet, "10.2.0.5");
    assertThat(d.describe()).isEqualTo("10.0.0.0/8 -> VirtualAppliance 10.0.2.4 (user route to-fw in rt-web)");
    assertThat(d.forcedToVirtualAppliance()).isTrue();
    assertThat(RouteEvaluator.decide(rt, vnet, "10.0.3.3").nextHopType()).isEqualTo(NextHopType.VNET_LOCAL);
    assertThat(RouteEvaluator.decide(rt, vnet, "10.1.3.3").nextHopType()).isEqualTo(NextHopType.VNET_PEERING);
    assertThat(RouteEvaluator.decide(rt, vnet, "203.0.113.9").dropped()).isTrue();
    assertThat(RouteEvaluator.decide(null, null, "8.8.8.8").nextHopType()).isEqualTo(NextHopType.INTERNET);
  }
}
