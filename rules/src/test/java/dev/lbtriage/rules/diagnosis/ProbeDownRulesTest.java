package dev.lbtriage.rules.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.PowerState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeDownRulesTest {
  static final RuleEngine ENGINE = RuleEngine.fromClasspath();
  static final Triage PROBE_DOWN = new Triage("probe-down", TestFacts.LB);

  @Test
  void a_deallocated_vm_confirms_vm_unhealthy_from_its_power_state_without_a_question() {
    // given
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.DEALLOCATED).build();
    // when
    RuleOutcome out = ENGINE.diagnose(facts, PROBE_DOWN, List.of());
    // then
    assertThat(out.findings()).filteredOn(f -> f.cause().equals("vm-unhealthy"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.status()).isEqualTo(Status.CONFIRMED);
          assertThat(f.subject()).isEqualTo("10.0.0.4");
          assertThat(f.evidence()).anyMatch(e -> e.contains("deallocated") && e.contains("vm1.json"));
          assertThat(f.rule()).startsWith("vm-unhealthy:");
        });
    assertThat(out.asks()).isEmpty();
  }

  @Test
  void a_running_vm_with_no_answer_asks_whether_it_responds() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    RuleOutcome out = ENGINE.diagnose(facts, PROBE_DOWN, List.of());
    assertThat(out.asks()).extracting(Ask::question).contains("vm-responds", "probe-port-listening", "guest-firewall-allows-probe");
    assertThat(out.findings()).noneMatch(f -> f.status() == Status.CONFIRMED);
  }

  @Test
  void dip_availability_at_zero_sends_the_questions_to_the_failing_backend_only() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).vm("vm2", "10.0.0.5", PowerState.RUNNING)
        .dipAvailability("10.0.0.4", 100).dipAvailability("10.0.0.5", 0).build();
    RuleOutcome out = ENGINE.diagnose(facts, PROBE_DOWN, List.of());
    assertThat(out.asks()).extracting(Ask::subject).containsOnly("10.0.0.5");
    assertThat(out.seen()).singleElement().satisfies(s -> assertThat(s.evidence()).contains("DipAvailability 0%").contains("10.0.0.5"));
    assertThat(out.findings()).noneMatch(f -> f.status() == Status.CONFIRMED);
  }

  @Test
  void changing_an_answer_retracts_what_followed_from_the_old_one() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    try (DiagnosisSession s = ENGINE.open(facts, PROBE_DOWN)) {
      s.answer(new Answer("probe-port-listening", "no"));
      assertThat(s.run().findings()).anyMatch(f -> f.cause().equals("probe-port-not-listening") && f.status() == Status.CONFIRMED);
      assertThat(s.run().asks()).isEmpty();

      s.answer(new Answer("probe-port-listening", "yes"));
      RuleOutcome after = s.run();
      assertThat(after.findings()).filteredOn(f -> f.cause().equals("probe-port-not-listening"))
          .singleElement().extracting(Finding::status).isEqualTo(Status.RULED_OUT);
      assertThat(after.asks()).extracting(Ask::question).contains("vm-responds");
    }
  }

  @Test
  void a_healthy_backend_does_not_rule_out_a_cause_for_the_failing_one() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).vm("vm2", "10.0.0.5", PowerState.RUNNING)
        .dipAvailability("10.0.0.4", 100).dipAvailability("10.0.0.5", 0).build();
    RuleOutcome out = ENGINE.diagnose(facts, PROBE_DOWN, List.of());
    assertThat(out.findings()).noneMatch(f -> f.cause().equals("probe-misconfigured") && f.status() == Status.RULED_OUT);
  }
}
