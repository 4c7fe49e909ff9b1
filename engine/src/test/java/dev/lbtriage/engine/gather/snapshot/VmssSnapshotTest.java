package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.PoolMember;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VmssSnapshotTest {

  private final AzureFacts facts = Snapshots.reader("vmss-zone-redundant").gather("extlb1-3b962020e", Progress.none());

  @Test
  void scale_set_instances_are_members_of_both_pools() {
    LoadBalancer lb = facts.loadBalancers().get(0);
    assertThat(lb.sku()).isEqualTo(LbSku.STANDARD);
    assertThat(lb.pools()).hasSize(2).allSatisfy(p -> {
      assertThat(p.members()).hasSize(4);
      assertThat(p.members()).extracting(PoolMember::vmssInstanceId).containsExactly("0", "1", "2", "3");
      assertThat(p.members()).allMatch(m -> m.vmssId().endsWith("/virtualMachineScaleSets/vmss47409"));
    });
    assertThat(lb.natRules()).hasSize(8);
  }

  @Test
  void the_instance_nic_in_the_snapshot_resolves_and_the_others_are_missing() {
    PoolMember first = facts.loadBalancers().get(0).pools().get(0).members().get(0);
    assertThat(first.ipAddress()).isEqualTo("10.0.1.4");
    assertThat(first.vmId()).endsWith("/virtualMachineScaleSets/vmss47409/virtualMachines/0");
    assertThat(facts.networkInterfaces()).singleElement()
        .satisfies(n -> assertThat(n.vmssId()).endsWith("/virtualMachineScaleSets/vmss47409"));
    assertThat(facts.missing()).filteredOn(m -> m.kind().equals("network-interface")).hasSize(3)
        .extracting(MissingFact::reference).allMatch(r -> r.contains("/virtualMachineScaleSets/vmss47409/virtualMachines/"));
  }

  @Test
  void the_scale_set_names_its_pools_and_nat_pools() {
    assertThat(facts.vmScaleSets()).singleElement().satisfies(s -> {
      assertThat(s.backendPoolIds()).hasSize(2);
      assertThat(s.natPoolIds()).hasSize(2);
      assertThat(s.healthProbeId()).isNull();
    });
    assertThat(facts.publicIps()).hasSize(1);
    assertThat(facts.loadBalancers().get(0).frontends().get(0).publicIp()).isNotNull();
  }
}
