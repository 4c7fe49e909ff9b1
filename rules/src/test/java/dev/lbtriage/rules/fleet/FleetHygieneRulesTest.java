package dev.lbtriage.rules.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.ProbeProtocol;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fleet hygiene rules one by one, in their own KieBase; the diagnosis KieBase does not hold them. */
class FleetHygieneRulesTest {
  static final String LB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/loadBalancers/lb";
  static final Origin O = new Origin(LB, "test");
  static final FleetRules RULES = FleetRules.fromClasspath();

  static HealthProbe probe(String name, ProbeProtocol p, int port, String path) {
    return new HealthProbe(LB + "/probes/" + name, name, LB, p, port, path, 5, null, 1, O);
  }

  static BackendPool pool(String name, int members) {
    List<PoolMember> m = new java.util.ArrayList<>();
    for (int i = 0; i < members; i++) {
      m.add(new PoolMember(LB + "/backendAddressPools/" + name, null, "10.0.0." + (4 + i), null, null, null, null));
    }
    return new BackendPool(LB + "/backendAddressPools/" + name, name, LB, m, O);
  }

  static LoadBalancingRule rule(String name, String pool, String probe, int port) {
    return new LoadBalancingRule(LB + "/loadBalancingRules/" + name, name, LB, LB + "/frontendIPConfigurations/fe",
        List.of(LB + "/backendAddressPools/" + pool), probe == null ? null : LB + "/probes/" + probe, TransportProtocol.TCP, port, port,
        false, O);
  }

  static FleetLoadBalancer lb(LbSku sku, String location, List<HealthProbe> probes, List<LoadBalancingRule> rules, List<BackendPool> pools,
      List<FrontendZones> zones, int outbound) {
    LoadBalancer l = new LoadBalancer(LB, "lb", "rg1", location, sku,
        List.of(new Frontend(LB + "/frontendIPConfigurations/fe", "fe", LB, "10.0.0.10", null, null, "subnet-id")), probes, rules,
        List.of(), pools, O);
    return new FleetLoadBalancer(l, zones, outbound, Set.of());
  }

  static List<String> checks(FleetLoadBalancer f) {
    return RULES.check(List.of(f)).stream().map(h -> h.check() + " " + h.status() + " " + h.subject()).toList();
  }

  @Test
  void a_well_kept_standard_load_balancer_has_no_finding() {
    FleetLoadBalancer f = lb(LbSku.STANDARD, "eastus", List.of(probe("health", ProbeProtocol.HTTP, 80, "/health")),
        List.of(rule("web", "pool", "health", 80)), List.of(pool("pool", 2)),
        List.of(new FrontendZones("fe", null, "subnet-id", List.of("1", "2", "3"), true)), 0);
    assertThat(checks(f)).isEmpty();
  }

  @Test
  void each_check_fires_on_its_own_fault_and_names_what_it_mirrors() {
    FleetLoadBalancer f = lb(LbSku.BASIC, "westeurope", List.of(probe("tcp80", ProbeProtocol.TCP, 80, null),
            probe("root", ProbeProtocol.HTTPS, 443, "/"), probe("ssh", ProbeProtocol.TCP, 22, null)),
        List.of(rule("web", "empty", "tcp80", 80), rule("noprobe", "one", null, 8443)), List.of(pool("empty", 0), pool("one", 1)),
        List.of(new FrontendZones("fe", null, "subnet-id", List.of(), true)), 2);
    assertThat(checks(f)).containsExactlyInAnyOrder("basic-sku-retired confirmed *", "rule-pool-empty confirmed web",
        "rule-without-probe advisory noprobe", "pool-single-backend advisory one", "probe-web-health-endpoint advisory root",
        "probe-web-health-endpoint advisory tcp80", "outbound-rules-over-nat-gateway advisory *");
    // Basic: the zone check (Standard only) stays quiet; the ssh probe on 22 is not a web port
    assertThat(RULES.check(List.of(f))).allMatch(h -> h.mirrors().startsWith("APRL ") || h.mirrors().startsWith("PSRule ")
        || h.mirrors().startsWith("seed: "));
  }

  @Test
  void zones_count_only_for_standard_in_a_zone_region_and_when_known() {
    List<FrontendZones> oneZone = List.of(new FrontendZones("fe", null, "subnet-id", List.of("1"), true),
        new FrontendZones("pub", "/subscriptions/x/resourceGroups/rg1/providers/Microsoft.Network/publicIPAddresses/pip", null, List.of(),
            false));
    List<HealthProbe> ok = List.of(probe("health", ProbeProtocol.HTTP, 80, "/health"));
    List<LoadBalancingRule> rules = List.of(rule("web", "pool", "health", 80));
    List<BackendPool> pools = List.of(pool("pool", 2));
    assertThat(checks(lb(LbSku.STANDARD, "East US", ok, rules, pools, oneZone, 0))).containsExactly("frontend-not-zone-redundant advisory fe");
    assertThat(checks(lb(LbSku.STANDARD, "westcentralus", ok, rules, pools, oneZone, 0))).isEmpty();
  }

  @Test
  void the_diagnosis_rule_base_does_not_hold_the_fleet_rules() {
    assertThat(RuleEngine.fromClasspath().kieBase().getKiePackages()).noneMatch(p -> p.getName().equals(FleetRules.PACKAGE));
    assertThat(RuleEngine.kieBaseOf(FleetRules.PACKAGE).getKiePackages()).anyMatch(p -> p.getName().equals(FleetRules.PACKAGE)
        && !p.getRules().isEmpty());
  }
}
