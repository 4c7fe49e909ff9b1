package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixes are checked against the facts: where an allow rule can go, default rules, probes, LB type, health. */
class FixAdviceTest {
  static final Diagnoser DIAGNOSER = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());

  @Test
  void the_free_priority_is_the_nearest_one_above_the_denying_rule_within_100_to_4096() {
    assertThat(PlaceholderValues.freePriorityAbove(65500, List.of(100, 200, 4096))).contains(4095);
    assertThat(PlaceholderValues.freePriorityAbove(65500, List.of(100, 200))).contains(4096);
    assertThat(PlaceholderValues.freePriorityAbove(300, List.of(100, 299, 300))).contains(298);
    assertThat(PlaceholderValues.freePriorityAbove(100, List.of(100))).isEmpty();
    assertThat(PlaceholderValues.freePriorityAbove(103, List.of(100, 101, 102, 103))).isEmpty();
  }

  @Test
  void a_custom_deny_at_the_top_priority_is_moved_down_one_step_to_make_room_and_may_also_be_removed() {
    Diagnosis d = diagnose("nsg-deny-all-nic", "lb-web", "probe-down", List.of());
    Diagnosis.Remediation r = d.remediationOf("probe-port-blocked").orElseThrow();
    assertThat(r.status()).isEqualTo("confirmed");
    assertThat(r.fix()).hasSize(2);
    assertThat(r.fix().get(0)).contains("az network nsg rule update --resource-group rg-web --nsg-name nsg-web --name DenyAll --priority 101");
    assertThat(r.fix().get(1)).contains("--priority 100", "--source-address-prefixes AzureLoadBalancer", "--destination-port-ranges 25");
    assertThat(r.commands()).anyMatch(c -> c.contains("az network nsg rule delete --resource-group rg-web --nsg-name nsg-web --name DenyAll"));
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void a_default_rule_is_never_deleted_or_moved_the_fix_is_an_allow_rule_above_it() {
    // the client's own address decides (DenyAllInBound admits nothing from the internet, AllowVnetInBound admits the VNet)
    Diagnosis d = diagnose("public-standard-nsg-blocks-clients", "lb", "data-port-down", List.of(new Answer("client-ip", "203.0.113.50")));
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(r.status()).isEqualTo("confirmed");
    assertThat(String.join("\n", r.commands())).doesNotContain("nsg rule delete", "nsg rule update");
    assertThat(r.fix()).singleElement().satisfies(c -> assertThat(c)
        .contains("az network nsg rule create --resource-group rg1 --nsg-name nsg --name AllowLoadBalancedClients --priority 4096",
            "--source-address-prefixes 203.0.113.50", "--destination-port-ranges 80"));
    assertThat(r.steps()).anyMatch(s -> s.contains("DenyAllInBound is one of Azure's default rules: it cannot be deleted or re-prioritised"));
  }

  @Test
  void without_the_client_address_nothing_is_confirmed_and_what_needs_it_is_left_out_with_a_note() {
    Diagnosis d = diagnose("public-standard-nsg-blocks-clients", "lb", "data-port-down", List.of());
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(r.status()).isEqualTo("suspected");
    assertThat(r.fix()).isEmpty();
    assertThat(String.join("\n", r.commands())).doesNotContain("nsg rule delete", "nsg rule update");
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Ask Network Watcher", "the clients' IP address"));
  }

  @Test
  void a_client_ip_answer_narrows_the_allow_rule_to_that_client_and_fills_the_check() {
    Diagnosis d = diagnose("public-standard-nsg-blocks-clients", "lb", "data-port-down", List.of(new Answer("client-ip", "203.0.113.50")));
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(r.fix()).singleElement().satisfies(c -> assertThat(c).contains("--source-address-prefixes 203.0.113.50"));
    assertThat(r.commands()).anyMatch(c -> c.contains("--remote 203.0.113.50:50000"));
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void the_client_ip_question_of_an_internal_load_balancer_asks_for_a_private_address() {
    Diagnosis internal = DIAGNOSER.everyText(facts("ilb-hairpin", "lb-api"), "lb-api", "data-port-down", List.of());
    Diagnosis.OpenQuestion q = question(internal, "client-ip");
    assertThat(q.text()).contains("private IP address").doesNotContain("public");
    assertThat(q.why()).contains("internal load balancer", "on 80");
    assertThat(q.how().toString()).doesNotContain("ipify", "public");
    Diagnosis.OpenQuestion pub = question(DIAGNOSER.everyText(facts("public-standard-nsg-blocks-clients", "lb"), "lb", "data-port-down",
        List.of()), "client-ip");
    assertThat(pub.text()).contains("public IP address");
    assertThat(pub.how().toString()).contains("api.ipify.org");
  }

  @Test
  void a_load_balancer_without_a_probe_gets_no_probe_steps_and_a_tcp_probe_no_http_path_advice() {
    Diagnosis noProbe = DIAGNOSER.everyText(facts("ilb-hairpin", "lb-api"), "lb-api", "data-port-down", List.of());
    assertThat(noProbe.remediationOf("ilb-hairpin").orElseThrow().commands()).noneMatch(c -> c.contains("--probe-name"))
        .anyMatch(c -> c.contains("--floating-ip true"));
    assertThat(noProbe.supportCase()).allSatisfy(s -> assertThat(String.join("\n", s.steps()) + s.how()).doesNotContain("probe port ("));
    Diagnosis tcp = DIAGNOSER.everyText(facts("nsg-deny-all-nic", "lb-web"), "lb-web", "probe-down", List.of());
    Diagnosis.Remediation misconfigured = tcp.remediationOf("probe-misconfigured").orElseThrow();
    assertThat(String.join("\n", misconfigured.steps()) + String.join("\n", misconfigured.commands()))
        .doesNotContain("--path", "HTTP probes need");
  }

  @Test
  void a_user_route_is_removed_from_the_route_table_that_holds_it() {
    Diagnosis d = DIAGNOSER.everyText(facts("udr-virtual-appliance", "lb-web"), "lb-web", "probe-down", List.of());
    assertThat(d.remediationOf("probe-misconfigured").orElseThrow().fix()).singleElement().satisfies(c -> assertThat(c)
        .contains("az network route-table route delete -g rg-web --route-table-name rt-web -n to-firewall"));
  }

  @Test
  void a_stopped_vm_is_started_and_a_running_one_is_not() {
    Diagnosis stopped = diagnose("vm-deallocated", "lb-web", "probe-down", List.of());
    assertThat(stopped.remediationOf("vm-unhealthy").orElseThrow().fix()).singleElement().satisfies(c -> assertThat(c).contains("az vm start"));
    Diagnosis running = diagnose("probe-zero-vm-not-responding", "lb-shop", "probe-down", List.of(new Answer("vm-responds", "no")));
    Diagnosis.Remediation r = running.remediationOf("vm-unhealthy").orElseThrow();
    assertThat(r.commands()).noneMatch(c -> c.contains("az vm start"));
    assertThat(r.fix()).isEmpty();
  }

  @Test
  void a_healthy_load_balancer_is_said_healthy_with_no_fix_and_no_question() {
    Diagnosis d = diagnose("healthy", "lb-shop", "probe-down", List.of());
    assertThat(d.health().healthy()).isTrue();
    assertThat(d.health().evidence()).anyMatch(e -> e.contains("DipAvailability 100%"));
    assertThat(d.health().leftToCheck()).anyMatch(e -> e.contains("client side")).anyMatch(e -> e.contains("application"));
    assertThat(d.remediation()).isEmpty();
    assertThat(d.questions()).isEmpty();
    assertThat(d.confirmed()).isEmpty();
    // a failing probe is not healthy
    assertThat(diagnose("probe-zero-vm-not-responding", "lb-shop", "probe-down", List.of()).health().healthy()).isFalse();
  }

  private static Diagnosis.OpenQuestion question(Diagnosis d, String id) {
    Optional<Diagnosis.OpenQuestion> q = d.questions().stream().filter(x -> x.id().equals(id)).findFirst();
    return q.orElseThrow();
  }

  private static Diagnosis diagnose(String example, String lb, String symptom, List<Answer> answers) {
    return DIAGNOSER.diagnose(facts(example, lb), lb, symptom, null, answers);
  }

  private static AzureFacts facts(String example, String lb) {
    return new SnapshotReader(Path.of("..", "examples", example)).gather(lb, Progress.none());
  }
}
