package dev.lbtriage.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.fleet.FleetRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A symptom runs in a scan only for load balancers whose facts hold what its KB entry's {@code scanNeeds} names. */
class ScanNeedsTest {
  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  private static final FleetScanner SCANNER = new FleetScanner(KB, RuleEngine.fromClasspath(), FleetRules.fromClasspath(), 1);

  private static AzureFacts example(String name) {
    SnapshotReader reader = new SnapshotReader(Path.of("..", "examples", name));
    return reader.gather(reader.loadBalancers().get(0).id(), Progress.none());
  }

  @Test
  void a_symptom_that_needs_scale_sets_is_not_run_without_one() {
    // given a load balancer with VMs only, and one with a scale set in its pool
    AzureFacts vms = example("nsg-deny-all-nic");
    AzureFacts scaleSet = example("vmss-probe-locks-port");

    // when / then: the KB names the need (vmss-backend-port-locked: scanNeeds [vm-scale-sets]), not the scanner
    assertThat(vms.vmScaleSets()).isEmpty();
    assertThat(scaleSet.vmScaleSets()).isNotEmpty();
    assertThat(FleetScanner.symptoms(KB)).contains("vmss-backend-port-locked");
    assertThat(SCANNER.symptomsFor(vms)).isNotEmpty().doesNotContain("vmss-backend-port-locked");
    assertThat(SCANNER.symptomsFor(scaleSet)).containsExactlyElementsOf(FleetScanner.symptoms(KB));
  }

  @Test
  void a_scan_runs_no_live_check_and_reads_the_facts_it_has() {
    AzureFacts vms = example("nsg-deny-all-nic");
    assertThat(ScanNeeds.holds(vms, dev.lbtriage.kb.model.FactName.LIVE_CHECK)).isFalse();
    assertThat(ScanNeeds.holds(vms, dev.lbtriage.kb.model.FactName.NETWORK_SECURITY_GROUPS)).isTrue();
    assertThat(ScanNeeds.holds(vms, dev.lbtriage.kb.model.FactName.VM_SCALE_SETS)).isFalse();
  }
}
