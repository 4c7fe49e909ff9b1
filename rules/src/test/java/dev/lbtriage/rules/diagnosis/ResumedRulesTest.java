package dev.lbtriage.rules.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.PowerState;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session kept between turns ({@link RuleEngine#resume}) gets only the answers that changed, and what its run
 * collects (kept as the engine inserts and retracts conclusions) is what the session holds and what a new
 * session given the same answers concludes (issue 18).
 */
class ResumedRulesTest {
  static final RuleEngine ENGINE = RuleEngine.fromClasspath();
  static final Triage PROBE_DOWN = new Triage("probe-down", TestFacts.LB);

  @Test
  void each_turn_concludes_what_a_new_session_concludes_and_what_the_session_holds() {
    AzureFacts facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).vm("vm2", "10.0.0.5", PowerState.RUNNING)
        .dipAvailability("10.0.0.4", 100).dipAvailability("10.0.0.5", 0).build();
    List<List<Answer>> turns = List.of(
        List.of(),
        List.of(new Answer("vm-responds", "yes")),
        List.of(new Answer("vm-responds", "yes"), new Answer("probe-port-listening", "no")),
        List.of(new Answer("vm-responds", "no"), new Answer("probe-port-listening", "yes")),
        List.of(new Answer("probe-port-listening", "yes"), new Answer("guest-firewall-allows-probe", "yes")),
        List.of());
    RuleOutcome previous = null;
    int changed = 0;
    for (List<Answer> answers : turns) {
      RuleOutcome fresh = ENGINE.diagnose(facts, PROBE_DOWN, answers);
      try (DiagnosisSession s = ENGINE.resume(facts, PROBE_DOWN)) {
        RuleOutcome resumed = s.answers(answers).run();
        assertThat(resumed.findings()).as("%s", answers).isEqualTo(fresh.findings());
        assertThat(resumed.asks()).as("%s", answers).isEqualTo(fresh.asks());
        assertThat(resumed.seen()).as("%s", answers).isEqualTo(fresh.seen());
        assertThat(resumed.findings()).containsExactlyInAnyOrderElementsOf(s.objects(Finding.class));
        assertThat(resumed.asks()).containsExactlyInAnyOrderElementsOf(s.objects(Ask.class));
        assertThat(resumed.seen()).containsExactlyInAnyOrderElementsOf(s.objects(SymptomSeen.class));
      }
      if (previous != null && !fresh.equals(previous)) {
        changed++;
      }
      previous = fresh;
    }
    assertThat(changed).isGreaterThanOrEqualTo(4);
  }

  @Test
  void the_client_address_changes_the_data_flows_in_a_kept_session_as_in_a_new_one() {
    // given a backend whose NSG denies one client address only, and the client's address given, changed and withdrawn
    AzureFacts facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).vm("vm2", "10.0.0.5", PowerState.RUNNING)
        .nsg("nsg-web", false, "DenyPartner", 100, dev.lbtriage.rules.facts.Access.DENY, "10.0.0.9", "80").build();
    Triage dataPortDown = new Triage("data-port-down", TestFacts.LB);
    List<List<Answer>> turns = List.of(
        List.of(),
        List.of(new Answer("client-ip", "10.0.0.9")),
        List.of(new Answer("client-ip", "10.0.0.5")),
        List.of(new Answer("client-ip", "unknown")),
        List.of(new Answer("client-ip", "10.0.0.6")),
        List.of());
    for (List<Answer> answers : turns) {
      RuleOutcome fresh = ENGINE.diagnose(facts, dataPortDown, answers);
      try (DiagnosisSession s = ENGINE.resume(facts, dataPortDown)) {
        RuleOutcome resumed = s.answers(answers).run();
        assertThat(resumed.findings()).as("%s", answers).isEqualTo(fresh.findings());
        assertThat(resumed.asks()).as("%s", answers).isEqualTo(fresh.asks());
        // then the session holds the flows from the client's own address when it is known, else from every client
        String client = answers.isEmpty() || !answers.get(0).known() ? null : answers.get(0).value();
        assertThat(s.objects(DataFlow.class)).as("%s", answers).isNotEmpty()
            .allSatisfy(d -> assertThat(d.source()).isEqualTo(client == null ? "any client" : client));
        assertThat(s.objects(ClientIsBackend.class)).as("%s", answers).hasSize("10.0.0.5".equals(client) ? 1 : 0);
        boolean denied = "10.0.0.9".equals(client);
        assertThat(resumed.findings()).as("%s", answers)
            .anyMatch(f -> f.cause().equals("data-port-blocked") && (f.status() == Status.CONFIRMED) == denied);
      }
    }
  }

  @Test
  void a_session_of_several_symptoms_finds_what_each_symptom_alone_finds() {
    AzureFacts facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.DEALLOCATED).vm("vm2", "10.0.0.5", PowerState.RUNNING).build();
    List<String> symptoms = List.of("probe-down", "data-port-down");
    try (DiagnosisSession all = ENGINE.openAll(facts, TestFacts.LB, symptoms)) {
      List<Finding> together = all.run().findings();
      List<Finding> alone = symptoms.stream().flatMap(s -> ENGINE.diagnose(facts, new Triage(s, TestFacts.LB), List.of()).findings().stream())
          .sorted(Comparator.comparing(Finding::cause).thenComparing(Finding::subject).thenComparing(Finding::rule)).toList();
      assertThat(together).isEqualTo(alone);
      assertThat(together).anyMatch(f -> f.cause().equals("vm-unhealthy") && f.status() == Status.CONFIRMED);
    }
  }
}
