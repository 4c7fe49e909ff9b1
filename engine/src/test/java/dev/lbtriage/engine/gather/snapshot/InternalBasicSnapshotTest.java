package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.ProbeProtocol;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InternalBasicSnapshotTest {

  private static final String RG1 = "/subscriptions/subid/resourceGroups/rg1/providers/";

  private final AzureFacts facts = Snapshots.reader("internal-basic").gather("lb", Progress.none());

  @Test
  void the_spec_example_load_balancer_is_internal_basic_with_one_frontend_rule_probe_and_pool() {
    LoadBalancer lb = facts.loadBalancers().get(0);
    assertThat(lb.sku()).isEqualTo(LbSku.BASIC);
    assertThat(lb.internal()).isTrue();
    assertThat(lb.frontends()).extracting("privateIp").containsExactly("10.0.1.4");
    assertThat(lb.rules()).singleElement().satisfies(r -> {
      assertThat(r.frontendPort()).isEqualTo(80);
      assertThat(r.floatingIp()).isTrue();
      assertThat(r.probeId()).endsWith("/probes/probe-lb");
    });
    assertThat(lb.probes()).singleElement().satisfies(p -> {
      assertThat(p.protocol()).isEqualTo(ProbeProtocol.HTTP);
      assertThat(p.requestPath()).isEqualTo("healthcheck.aspx");
      assertThat(p.intervalSeconds()).isEqualTo(15);
      assertThat(p.numberOfProbes()).isEqualTo(2);
      assertThat(p.probeThreshold()).isNull();
    });
    assertThat(lb.natRules()).singleElement().satisfies(n -> assertThat(n.frontendPort()).isEqualTo(3389));
  }

  @Test
  void the_pool_member_comes_from_the_nic_that_names_the_pool() {
    assertThat(facts.loadBalancers().get(0).pools()).singleElement()
        .satisfies(pool -> assertThat(pool.members()).extracting("ipAddress", "nicId", "vmId")
            .containsExactly(tuple("10.0.1.5", RG1 + "Microsoft.Network/networkInterfaces/test-nic",
                RG1 + "Microsoft.Compute/virtualMachines/vm1")));
  }

  @Test
  void the_subnet_brings_its_nsg_route_table_and_vnet() {
    assertThat(facts.subnets()).singleElement().satisfies(s -> {
      assertThat(s.nsgId()).endsWith("/networkSecurityGroups/testnsg");
      assertThat(s.routeTableId()).endsWith("/routeTables/testrt");
      assertThat(s.addressPrefixes()).containsExactly("10.0.1.0/24");
    });
    assertThat(facts.nsg(RG1 + "Microsoft.Network/networkSecurityGroups/testnsg")).get().satisfies(nsg -> {
      assertThat(nsg.rules()).extracting("name", "priority").containsExactly(tuple("rule1", 130));
      assertThat(nsg.defaultRules()).hasSize(6).allMatch(r -> r.isDefault());
    });
    assertThat(facts.routeTables()).singleElement()
        .satisfies(rt -> assertThat(rt.routes().get(0).nextHopType()).isEqualTo(NextHopType.VIRTUAL_NETWORK_GATEWAY));
    assertThat(facts.virtualNetworks()).extracting("addressSpace").containsExactly(List.of("10.0.0.0/16"));
  }

  @Test
  void references_outside_the_snapshot_are_missing_facts_not_errors() {
    assertThat(facts.missing()).extracting(MissingFact::kind, MissingFact::reference, MissingFact::reason).contains(
        tuple("virtual-machine", RG1 + "Microsoft.Compute/virtualMachines/vm1", "not in the snapshot"),
        tuple("network-security-group", RG1 + "Microsoft.Network/networkSecurityGroups/nsg", "not in the snapshot"));
    assertThat(facts.problems()).isEmpty();
  }

  @Test
  void effective_rules_and_routes_are_bound_to_the_nic_their_file_is_named_after() {
    String nic = RG1 + "Microsoft.Network/networkInterfaces/test-nic";
    assertThat(facts.effectiveSecurityRulesOf(nic)).get().satisfies(e -> {
      assertThat(e.groups()).singleElement().satisfies(g -> {
        assertThat(g.subnetId()).endsWith("/subnets/subnetlb");
        assertThat(g.rules()).hasSize(3);
        assertThat(g.rules().get(2).isDefault()).isTrue();
        assertThat(g.rules().get(2).direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(g.rules().get(2).expandedDestinationPrefixes()).contains("32.0.0.0/3");
        assertThat(g.rules().get(0).destinationPorts()).containsExactly("6579-6579");
      });
      assertThat(e.origin().file()).isEqualTo("test-nic.effective-nsg.json");
    });
    assertThat(facts.effectiveRoutesOf(nic)).get().satisfies(r -> {
      assertThat(r.routes()).hasSize(6);
      assertThat(r.routes().get(1).nextHopType()).isEqualTo(NextHopType.INTERNET);
      assertThat(r.routes()).allMatch(x -> x.active());
    });
  }

  @Test
  void every_fact_knows_the_file_it_came_from() {
    assertThat(facts.loadBalancers().get(0).origin().file()).isEqualTo("lb.json");
    assertThat(facts.networkInterfaces().get(0).origin().file()).isEqualTo("test-nic.json");
    assertThat(facts.subnets().get(0).origin().file()).isEqualTo("vnet.json");
  }
}
