package dev.lbtriage.rules.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.PowerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live check results as facts: TestFacts' probe and rule both use port 80. */
class LiveCheckRulesTest {
  static final RuleEngine ENGINE = ProbeDownRulesTest.ENGINE;
  static final Triage PROBE_DOWN = ProbeDownRulesTest.PROBE_DOWN;
  static final Triage DATA_PORT_DOWN = new Triage("data-port-down", TestFacts.LB);

  static LiveCheck answered(String host, int port) {
    return new LiveCheck(host, port, LiveCheck.TCP, 4, 4, "TCP connect to " + host + ":" + port + ": Sent = 4, Received = 4, Lost = 0");
  }

  static LiveCheck silent(String host, int port) {
    return new LiveCheck(host, port, LiveCheck.TCP, 4, 0, "TCP connect to " + host + ":" + port + ": Sent = 4, Received = 0, Lost = 4");
  }

  static List<Finding> of(RuleOutcome out, String cause) {
    return out.findings().stream().filter(f -> f.cause().equals(cause)).toList();
  }

  @Test
  void an_answered_check_to_the_probe_port_rules_out_probe_port_not_listening() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    RuleOutcome out = ENGINE.diagnose(facts, PROBE_DOWN, List.of(), List.of(answered("10.0.0.4", 80)));
    assertThat(of(out, "probe-port-not-listening")).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(Status.RULED_OUT);
      assertThat(f.subject()).isEqualTo("10.0.0.4");
      assertThat(f.rule()).startsWith("probe-port-not-listening: ");
      assertThat(f.evidence()).singleElement().asString().contains("10.0.0.4:80").contains("Received = 4");
    });
  }

  @Test
  void a_silent_check_to_the_probe_port_suspects_and_never_confirms() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    RuleOutcome out = ENGINE.diagnose(facts, PROBE_DOWN, List.of(), List.of(silent("10.0.0.4", 80)));
    for (String cause : List.of("vm-unhealthy", "probe-port-not-listening")) {
      assertThat(of(out, cause)).as(cause).singleElement().satisfies(f -> {
        assertThat(f.status()).isEqualTo(Status.SUSPECTED);
        assertThat(f.evidence()).anyMatch(e -> e.contains("Received = 0"));
      });
    }
    assertThat(out.findings()).noneMatch(f -> f.status() == Status.CONFIRMED);
  }

  @Test
  void a_check_to_another_port_or_host_decides_nothing() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    RuleOutcome probe = ENGINE.diagnose(facts, PROBE_DOWN, List.of(), List.of(answered("10.0.0.4", 443), silent("10.0.0.9", 80)));
    assertThat(of(probe, "probe-port-not-listening")).isEmpty();
    assertThat(of(probe, "vm-unhealthy")).isEmpty();
    RuleOutcome data = ENGINE.diagnose(facts, DATA_PORT_DOWN, List.of(), List.of(answered("10.0.0.4", 443), silent("10.0.0.9", 80)));
    assertThat(of(data, "data-port-not-listening")).isEmpty();
  }

  @Test
  void replacing_an_answered_check_with_a_silent_one_changes_the_finding() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    try (DiagnosisSession s = ENGINE.open(facts, PROBE_DOWN)) {
      s.check(answered("10.0.0.4", 80));
      RuleOutcome before = s.run();
      assertThat(of(before, "probe-port-not-listening")).singleElement().extracting(Finding::status).isEqualTo(Status.RULED_OUT);
      assertThat(of(before, "vm-unhealthy")).isEmpty();

      s.check(silent("10.0.0.4", 80));
      RuleOutcome after = s.run();
      assertThat(of(after, "probe-port-not-listening")).singleElement().extracting(Finding::status).isEqualTo(Status.SUSPECTED);
      assertThat(of(after, "vm-unhealthy")).singleElement().extracting(Finding::status).isEqualTo(Status.SUSPECTED);
      assertThat(s.objects(LiveCheck.class)).hasSize(1);
    }
  }

  @Test
  void an_answered_check_to_the_data_port_rules_out_data_port_not_listening() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    RuleOutcome out = ENGINE.diagnose(facts, DATA_PORT_DOWN, List.of(), List.of(answered("10.0.0.4", 80)));
    assertThat(of(out, "data-port-not-listening")).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(Status.RULED_OUT);
      assertThat(f.subject()).isEqualTo("10.0.0.4");
      assertThat(f.evidence()).singleElement().asString().contains("10.0.0.4:80");
    });
  }

  @Test
  void a_silent_check_to_the_data_port_suspects_and_never_confirms() {
    var facts = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    try (DiagnosisSession s = ENGINE.open(facts, DATA_PORT_DOWN)) {
      s.check(silent("10.0.0.4", 80));
      RuleOutcome out = s.run();
      assertThat(of(out, "data-port-not-listening")).singleElement().extracting(Finding::status).isEqualTo(Status.SUSPECTED);
      assertThat(out.findings()).noneMatch(f -> f.status() == Status.CONFIRMED);

      s.check(answered("10.0.0.4", 80));
      assertThat(of(s.run(), "data-port-not-listening")).singleElement().extracting(Finding::status).isEqualTo(Status.RULED_OUT);
    }
  }
}
