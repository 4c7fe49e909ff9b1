package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.PowerState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scale set behind the load balancer: instance NICs and instances are read at their Compute paths. */
class VmssLiveTest {

  private static final String RG = "/subscriptions/" + Stubs.SUB + "/resourceGroups/javacsmrg93007";
  private static final String LB = RG + "/providers/Microsoft.Network/loadBalancers/extlb1-3b962020e";
  private static final String VMSS = RG + "/providers/Microsoft.Compute/virtualMachineScaleSets/vmss47409";

  private StubArm stub;
  private Path scenario;

  @BeforeEach
  void start() throws Exception {
    scenario = Path.of(VmssLiveTest.class.getResource("/arm-stub/vmss").toURI());
    stub = new StubArm(scenario);
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void readsTheScaleSetItsInstancesAndTheirNicsLikeTheSnapshotReader() throws Exception {
    AzureFacts live = Stubs.source(stub, new TestCredential()).gather(LB, Progress.none());
    AzureFacts snapshot = new SnapshotReader(scenario).gather(LB, Progress.none());

    assertThat(withoutMissing(live)).isEqualTo(withoutMissing(snapshot));
    assertThat(live.vmScaleSets()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(VMSS));
    assertThat(live.networkInterfaces()).hasSize(4);
    assertThat(live.virtualMachines()).extracting(v -> v.powerState())
        .containsExactly(PowerState.RUNNING, PowerState.RUNNING, PowerState.RUNNING, PowerState.DEALLOCATED);
    assertThat(stub.count("GET", VMSS + "/virtualMachines/0/networkInterfaces/primary-nic-cfg")).isEqualTo(1);
    assertThat(stub.queries).filteredOn(q -> q.contains("/virtualMachines/0/networkInterfaces/"))
        .allMatch(q -> q.contains("api-version=2018-10-01"));
    assertThat(live.missing()).extracting(MissingFact::kind, MissingFact::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("metrics", "metrics DipAvailability not found: 404 Not Found (NotFound)"),
        org.assertj.core.groups.Tuple.tuple("metrics", "metrics VipAvailability not found: 404 Not Found (NotFound)"));
    assertThat(snapshot.missing()).isEmpty();
  }

  private static AzureFacts withoutMissing(AzureFacts f) {
    return new AzureFacts(f.loadBalancers(), f.networkInterfaces(), f.virtualMachines(), f.subnets(),
        f.virtualNetworks(), f.networkSecurityGroups(), f.effectiveSecurityRules(), f.routeTables(), f.effectiveRoutes(),
        f.vmScaleSets(), f.metrics(), f.publicIps(), java.util.List.of(), f.problems());
  }
}
