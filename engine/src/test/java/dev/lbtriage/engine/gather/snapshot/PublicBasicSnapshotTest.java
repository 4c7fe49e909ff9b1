package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.ProbeProtocol;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicBasicSnapshotTest {

  private static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg164701/providers/";

  private final AzureFacts nat = Snapshots.reader("public-basic-natrules").gather("lb164701", Progress.none());

  @Test
  void the_recorded_nat_rules_load_balancer_is_public_basic_with_its_public_address() {
    LoadBalancer lb = nat.loadBalancers().get(0);
    assertThat(lb.sku()).isEqualTo(LbSku.BASIC);
    assertThat(lb.internal()).isFalse();
    assertThat(lb.frontends()).singleElement().satisfies(f -> assertThat(f.address()).isEqualTo("137.135.106.120"));
    assertThat(lb.probes()).extracting("name", "protocol")
        .containsExactly(tuple("httpProbe1", ProbeProtocol.HTTP), tuple("tcpProbe1", ProbeProtocol.TCP));
    assertThat(lb.rules()).hasSize(1);
    assertThat(lb.natRules()).singleElement().satisfies(n -> {
      assertThat(n.frontendPort()).isEqualTo(88);
      assertThat(n.backendIpConfigurationId()).contains("nic43187a6ecd2");
    });
  }

  @Test
  void both_pool_members_resolve_to_nic_address_and_vm() {
    assertThat(nat.loadBalancers().get(0).pools()).singleElement().satisfies(pool ->
        assertThat(pool.members()).extracting("ipAddress", "nicId", "vmId").containsExactlyInAnyOrder(
            tuple("10.0.0.5", RG + "Microsoft.Network/networkInterfaces/nic43187a6ecd2",
                RG + "Microsoft.Compute/virtualMachines/vm74f116254d"),
            tuple("10.0.0.4", RG + "Microsoft.Network/networkInterfaces/nic28110592805",
                RG + "Microsoft.Compute/virtualMachines/vmb9f0738985")));
  }

  @Test
  void power_state_comes_from_the_instance_view_or_from_az_show_d() {
    assertThat(nat.vm(RG + "Microsoft.Compute/virtualMachines/vmb9f0738985")).get()
        .satisfies(vm -> assertThat(vm.powerState()).isEqualTo(PowerState.RUNNING));
    assertThat(nat.vm(RG + "Microsoft.Compute/virtualMachines/vm74f116254d")).get().satisfies(vm -> {
      assertThat(vm.powerState()).isEqualTo(PowerState.DEALLOCATED);
      assertThat(vm.osType()).isEqualTo("Linux");
      assertThat(vm.nicIds()).singleElement().asString().endsWith("nic43187a6ecd2");
    });
  }

  @Test
  void az_wrapped_effective_nsg_without_association_is_bound_by_file_name() {
    assertThat(nat.effectiveSecurityRulesOf(RG + "Microsoft.Network/networkInterfaces/nic28110592805")).get()
        .satisfies(e -> assertThat(e.groups()).singleElement().satisfies(g -> {
          assertThat(g.nsgId()).endsWith("/nsg164701");
          assertThat(g.rules()).hasSize(3);
        }));
    assertThat(nat.effectiveRoutesOf(RG + "Microsoft.Network/networkInterfaces/nic28110592805")).isPresent();
    assertThat(nat.effectiveSecurityRulesOf(RG + "Microsoft.Network/networkInterfaces/nic43187a6ecd2")).isEmpty();
  }

  @Test
  void the_subnet_without_nsg_is_found_and_nothing_is_reported_missing_or_broken() {
    assertThat(nat.subnets()).extracting("name", "nsgId").containsExactly(tuple("subnet1", null));
    assertThat(nat.missing()).isEmpty();
    assertThat(nat.problems()).isEmpty();
  }

  @Test
  void the_internet_minimum_record_has_two_members_and_no_probes() {
    AzureFacts facts = Snapshots.reader("public-basic-internet").gather("lb746731", Progress.none());
    LoadBalancer lb = facts.loadBalancers().get(0);
    assertThat(lb.frontends()).hasSize(1);
    assertThat(lb.rules()).hasSize(1);
    assertThat(lb.probes()).isEmpty();
    assertThat(lb.pools()).singleElement().satisfies(p -> assertThat(p.members()).extracting("ipAddress")
        .containsExactlyInAnyOrder("10.0.0.4", "10.0.0.5"));
    assertThat(facts.virtualMachines()).hasSize(2).allMatch(vm -> vm.powerState() == PowerState.UNKNOWN);
  }

  @Test
  void the_az_flattened_shape_gives_exactly_the_same_facts_as_the_arm_shape() {
    AzureFacts arm = Snapshots.reader("public-basic-internet").gather("lb746731", Progress.none());
    AzureFacts az = Snapshots.reader("public-basic-internet-az").gather("lb746731", Progress.none());
    assertThat(az.problems()).isEmpty();
    assertThat(az).usingRecursiveComparison().isEqualTo(arm);
    assertThat(az.loadBalancers().get(0).pools().get(0).members()).hasSize(2);
  }
}
