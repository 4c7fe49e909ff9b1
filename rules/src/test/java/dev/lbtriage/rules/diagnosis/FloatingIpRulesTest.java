package dev.lbtriage.rules.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.PowerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floating IP on a rule: the clients' packets reach the backend addressed to the frontend IP, so what
 * listens on the VM's own address (an answer, a live check to it) decides nothing about the data port;
 * the question is whether the backend takes the frontend IP.
 */
class FloatingIpRulesTest {
  static final RuleEngine ENGINE = ProbeDownRulesTest.ENGINE;
  static final Triage DATA_PORT_DOWN = LiveCheckRulesTest.DATA_PORT_DOWN;

  @Test
  void with_floating_ip_the_question_is_whether_the_backend_listens_on_the_frontend_ip() {
    var floating = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).floatingIp().build();
    RuleOutcome out = ENGINE.diagnose(floating, DATA_PORT_DOWN, List.of());
    assertThat(out.asks()).anyMatch(a -> a.question().equals("frontend-ip-listening") && a.subject().equals("10.0.0.4"))
        .noneMatch(a -> a.question().equals("data-port-listening"));
    var plain = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    assertThat(ENGINE.diagnose(plain, DATA_PORT_DOWN, List.of()).asks()).anyMatch(a -> a.question().equals("data-port-listening"))
        .noneMatch(a -> a.question().equals("frontend-ip-listening"));
  }

  @Test
  void listening_on_its_own_address_does_not_rule_out_the_cause_under_floating_ip() {
    var floating = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).floatingIp().build();
    RuleOutcome out = ENGINE.diagnose(floating, DATA_PORT_DOWN, List.of(new Answer("data-port-listening", "yes")),
        List.of(LiveCheckRulesTest.answered("10.0.0.4", 80)));
    assertThat(LiveCheckRulesTest.of(out, "data-port-not-listening")).isNotEmpty()
        .noneMatch(f -> f.status() == Status.RULED_OUT)
        .anyMatch(f -> f.status() == Status.SUSPECTED && f.evidence().stream().anyMatch(e -> e.contains("rulelb") && e.contains("floating IP")));
    assertThat(out.asks()).anyMatch(a -> a.question().equals("frontend-ip-listening"));
  }

  @Test
  void a_backend_without_the_frontend_ip_confirms_the_cause_and_one_with_it_rules_it_out() {
    var floating = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).floatingIp().build();
    RuleOutcome no = ENGINE.diagnose(floating, DATA_PORT_DOWN, List.of(new Answer("frontend-ip-listening", "no")));
    assertThat(LiveCheckRulesTest.of(no, "data-port-not-listening")).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(Status.CONFIRMED);
      assertThat(f.evidence()).anyMatch(e -> e.contains("floating IP"));
    });
    RuleOutcome yes = ENGINE.diagnose(floating, DATA_PORT_DOWN, List.of(new Answer("frontend-ip-listening", "yes")));
    assertThat(LiveCheckRulesTest.of(yes, "data-port-not-listening")).singleElement().extracting(Finding::status)
        .isEqualTo(Status.RULED_OUT);
    // without floating IP the question means nothing and decides nothing
    var plain = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    assertThat(LiveCheckRulesTest.of(ENGINE.diagnose(plain, DATA_PORT_DOWN, List.of(new Answer("frontend-ip-listening", "no"))),
        "data-port-not-listening")).noneMatch(f -> f.status() == Status.CONFIRMED);
  }
}
