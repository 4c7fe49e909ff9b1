package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnoserSmokeTest {
  static final Diagnoser DIAGNOSER = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());

  @Test
  void the_deallocated_vm_of_the_recorded_public_lb_confirms_vm_unhealthy_with_a_filled_in_fix() {
    SnapshotReader reader = new SnapshotReader(Path.of("src/test/resources/snapshots/public-basic-natrules"));
    String lb = reader.loadBalancers().get(0).name();
    AzureFacts facts = reader.gather(lb, Progress.none());
    Diagnosis d = DIAGNOSER.diagnose(facts, lb, "probe-down", null, List.of());
    assertThat(d.confirmed()).extracting(Diagnosis.CauseFinding::cause).contains("vm-unhealthy");
    assertThat(d.supportCase()).first().satisfies(s -> assertThat(s.how().toString()).contains("10.0.0.5:25"));
    assertThat(d.remediation()).anySatisfy(r -> assertThat(r.commands()).anyMatch(c -> c.command().contains("az vm start") && !c.command().contains("{")));
  }

  @Test
  void live_checks_that_got_answers_on_the_probe_port_rule_out_probe_port_not_listening() {
    SnapshotReader reader = new SnapshotReader(Path.of("src/test/resources/snapshots/public-basic-natrules"));
    String lb = reader.loadBalancers().get(0).name();
    AzureFacts facts = reader.gather(lb, Progress.none());
    var loadBalancer = facts.loadBalancer(lb).orElseThrow();
    // the port of the probe a load-balancing rule uses (the snapshot has a second, unused probe)
    String probeId = loadBalancer.rules().get(0).probeId();
    int probePort = loadBalancer.probes().stream().filter(p -> p.id().equalsIgnoreCase(probeId)).findFirst().orElseThrow().port();
    List<LiveCheck> checks = facts.networkInterfaces().stream().flatMap(n -> n.ipConfigurations().stream())
        .map(c -> new LiveCheck(c.privateIp(), probePort, LiveCheck.TCP, 3, 3, "TCP connect to " + c.privateIp() + ":" + probePort + ": Received = 3"))
        .toList();
    Diagnosis d = DIAGNOSER.diagnose(facts, lb, "probe-down", null, List.of(), checks);
    assertThat(d.findings()).filteredOn(f -> f.cause().equals("probe-port-not-listening")).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo("ruled-out");
      assertThat(f.evidence()).anyMatch(e -> e.startsWith("live tcp check to ") && e.contains(":" + probePort));
    });
    assertThat(DIAGNOSER.diagnose(facts, lb, "probe-down", null, List.of()).findings())
        .filteredOn(f -> f.cause().equals("probe-port-not-listening")).singleElement()
        .satisfies(f -> assertThat(f.status()).isNotEqualTo("ruled-out"));
  }
}
