package dev.lbtriage.engine.issue13;

import static dev.lbtriage.engine.issue13.Issue13Snapshots.diagnose;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.example;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.facts;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.issue13;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.HealthEvent;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** LoadBalancerHealthEvent logs and Resource Health confirm the symptom; SNAT exhaustion is pointed to, not blamed. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthSignalsTest {

  @Test
  void the_log_analytics_table_and_the_resource_health_status_are_read_from_the_snapshot() {
    AzureFacts facts = facts(issue13("health-signals"));
    assertThat(facts.healthEvents()).extracting(HealthEvent::type).containsExactly("NoHealthyBackends", "SnatPortExhaustion");
    assertThat(facts.healthEvents()).allSatisfy(e -> {
      assertThat(e.severity()).isEqualTo("Critical");
      assertThat(e.time()).isNotNull();
      assertThat(e.origin().file()).isEqualTo("health-events.json");
    });
    assertThat(facts.resourceHealth()).singleElement().satisfies(h -> {
      assertThat(h.state()).isEqualTo("Degraded");
      assertThat(h.resourceId()).endsWith("/loadBalancers/lb-shop");
    });
    assertThat(new SnapshotReader(issue13("health-signals")).everything(dev.lbtriage.engine.gather.Progress.none()).problems())
        .filteredOn(p -> p.severity() == SnapshotProblem.Severity.NOTE)
        .anySatisfy(p -> assertThat(p.message()).contains("Resource Health history entry"));
  }

  @Test
  void confirmed_no_healthy_backends_and_a_degraded_resource_health_show_the_symptom() {
    Diagnosis d = diagnose(issue13("health-signals"), "probe-down", List.of(), List.of());
    assertThat(d.symptomEvidence()).anySatisfy(e -> assertThat(e).contains("NoHealthyBackends", "critical", "health-events.json"));
    assertThat(d.symptomEvidence()).anySatisfy(e -> assertThat(e).contains("Resource Health of lb-shop: Degraded"));
  }

  @Test
  void snat_exhaustion_points_away_from_the_symptoms_causes_and_confirms_none_of_them() {
    Diagnosis with = diagnose(issue13("health-signals"), "data-port-down", List.of(), List.of());
    Diagnosis without = diagnose(example("probe-zero-vm-not-responding"), "data-port-down", List.of(), List.of());
    assertThat(with.notices()).anySatisfy(n -> assertThat(n).contains("SnatPortExhaustion", "not one of this symptom's causes",
        "troubleshoot-outbound-connection"));
    assertThat(with.findings()).extracting(Diagnosis.CauseFinding::status)
        .as("the SNAT events change no cause's status").isEqualTo(without.findings().stream().map(Diagnosis.CauseFinding::status).toList());
  }

  @Test
  void ruled_out_without_health_signals_nothing_is_added() {
    Diagnosis d = diagnose(example("probe-zero-vm-not-responding"), "probe-down", List.of(), List.of());
    assertThat(d.symptomEvidence()).noneMatch(e -> e.contains("health event") || e.contains("Resource Health"));
    assertThat(d.notices()).isEmpty();
  }
}
