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
    assertThat(fix(r)).hasSize(2);
    assertThat(fix(r).get(0)).contains("az network nsg rule update --resource-group rg-web --nsg-name nsg-web --name DenyAll --priority 101");
    assertThat(fix(r).get(1)).contains("--priority 100", "--source-address-prefixes AzureLoadBalancer", "--destination-port-ranges 25");
    assertThat(commands(r)).anyMatch(c -> c.contains("az network nsg rule delete --resource-group rg-web --nsg-name nsg-web --name DenyAll"));
    assertThat(r.notes()).isEmpty();
    // structure, not formatting: each command carries its description and whether it fixes
    assertThat(r.fixes()).extracting(Diagnosis.Command::description)
        .containsExactly("Move the blocking rule one step down, to make room above it", "Then allow the probe where the blocking rule was");
    assertThat(r.commands()).allSatisfy(c -> assertThat(c.command()).startsWith("az ").doesNotContain("\n# ", c.description()))
        .filteredOn(c -> c.command().contains("nsg rule delete")).singleElement().satisfies(c -> assertThat(c.fix()).isFalse());
  }

  @Test
  void a_default_rule_is_never_deleted_or_moved_the_fix_is_an_allow_rule_above_it() {
    // the client's own address decides (DenyAllInBound admits nothing from the internet, AllowVnetInBound admits the VNet)
    Diagnosis d = diagnose("public-standard-nsg-blocks-clients", "lb", "data-port-down", List.of(new Answer("client-ip", "203.0.113.50")));
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(r.status()).isEqualTo("confirmed");
    assertThat(String.join("\n", commands(r))).doesNotContain("nsg rule delete", "nsg rule update");
    assertThat(fix(r)).singleElement().satisfies(c -> assertThat(c)
        .contains("az network nsg rule create --resource-group rg1 --nsg-name nsg --name AllowLoadBalancedClients --priority 4096",
            "--source-address-prefixes 203.0.113.50", "--destination-port-ranges 80"));
    assertThat(r.steps()).anyMatch(s -> s.contains("DenyAllInBound is one of Azure's default rules: it cannot be deleted or re-prioritised"));
  }

  @Test
  void without_the_client_address_nothing_is_confirmed_and_what_needs_it_is_left_out_with_a_note() {
    Diagnosis d = diagnose("public-standard-nsg-blocks-clients", "lb", "data-port-down", List.of());
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(r.status()).isEqualTo("suspected");
    assertThat(fix(r)).isEmpty();
    assertThat(String.join("\n", commands(r))).doesNotContain("nsg rule delete", "nsg rule update");
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Ask Network Watcher", "the clients' IP address"));
  }

  @Test
  void a_client_ip_answer_narrows_the_allow_rule_to_that_client_and_fills_the_check() {
    Diagnosis d = diagnose("public-standard-nsg-blocks-clients", "lb", "data-port-down", List.of(new Answer("client-ip", "203.0.113.50")));
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(fix(r)).singleElement().satisfies(c -> assertThat(c).contains("--source-address-prefixes 203.0.113.50"));
    assertThat(commands(r)).anyMatch(c -> c.contains("--remote 203.0.113.50:50000"));
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
    assertThat(commands(noProbe.remediationOf("ilb-hairpin").orElseThrow())).noneMatch(c -> c.contains("--probe-name"))
        .anyMatch(c -> c.contains("--floating-ip true"));
    assertThat(noProbe.supportCase()).allSatisfy(s -> assertThat(String.join("\n", s.steps()) + s.how()).doesNotContain("probe port ("));
    Diagnosis tcp = DIAGNOSER.everyText(facts("nsg-deny-all-nic", "lb-web"), "lb-web", "probe-down", List.of());
    Diagnosis.Remediation misconfigured = tcp.remediationOf("probe-misconfigured").orElseThrow();
    assertThat(String.join("\n", misconfigured.steps()) + String.join("\n", commands(misconfigured)))
        .doesNotContain("--path", "HTTP probes need");
  }

  @Test
  void a_user_route_is_removed_from_the_route_table_that_holds_it() {
    Diagnosis d = DIAGNOSER.everyText(facts("udr-virtual-appliance", "lb-web"), "lb-web", "probe-down", List.of());
    assertThat(fix(d.remediationOf("probe-misconfigured").orElseThrow())).singleElement().satisfies(c -> assertThat(c)
        .contains("az network route-table route delete -g rg-web --route-table-name rt-web -n to-firewall"));
  }

  @Test
  void a_stopped_vm_is_started_and_a_running_one_is_not() {
    Diagnosis stopped = diagnose("vm-deallocated", "lb-web", "probe-down", List.of());
    assertThat(fix(stopped.remediationOf("vm-unhealthy").orElseThrow())).singleElement().satisfies(c -> assertThat(c).contains("az vm start"));
    Diagnosis running = diagnose("probe-zero-vm-not-responding", "lb-shop", "probe-down", List.of(new Answer("vm-responds", "no")));
    Diagnosis.Remediation r = running.remediationOf("vm-unhealthy").orElseThrow();
    assertThat(commands(r)).noneMatch(c -> c.contains("az vm start"));
    assertThat(fix(r)).isEmpty();
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

  @Test
  void with_no_nsg_at_all_the_fix_creates_an_nsg_and_attaches_it_rather_than_adding_a_rule_to_a_missing_one() {
    // Standard public, no NSG on subnet 'default' nor on NIC 'test-nic': closed by default
    Diagnosis d = diagnose("standard-public-no-nsg", "lb", "data-port-down", List.of());
    Diagnosis.Remediation r = d.remediationOf("data-port-blocked").orElseThrow();
    assertThat(r.status()).isEqualTo("confirmed");
    assertThat(fix(r)).hasSize(3);
    assertThat(fix(r).get(0)).contains("az network nsg create --resource-group rg1 --name lb-backends-nsg --location eastus");
    assertThat(fix(r).get(1)).contains("az network nsg rule create --resource-group rg1 --nsg-name lb-backends-nsg",
        "--priority 100", "--direction Inbound", "--access Allow", "--protocol Tcp", "--source-address-prefixes Internet",
        "--destination-port-ranges 80");
    assertThat(fix(r).get(2)).contains("az network vnet subnet update --resource-group rg1 --vnet-name rg1-vnet --name default"
        + " --network-security-group lb-backends-nsg");
    assertThat(commands(r)).anyMatch(c -> c.contains("az network nic update --resource-group rg1 --name test-nic"
        + " --network-security-group /subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/lb-backends-nsg"));
    String all = String.join("\n", r.steps()) + String.join("\n", commands(r)) + String.join("\n", r.notes());
    // nothing that assumes an NSG exists: no rule added to one, no Deny All to look for, no note about a missing NSG
    assertThat(all).doesNotContain("--nsg-name {", "Deny All", "nsg rule list", "network security group of the backend (not in the facts)");
    assertThat(r.steps()).anyMatch(s -> s.contains("Neither subnet default nor NIC test-nic has a network security group"));
  }

  @Test
  void when_every_client_is_denied_by_a_rule_the_allow_rule_names_a_service_tag_not_any_client() {
    // DenyAll at 100 on the NIC denies every client, from the internet and from the VNet alike
    Diagnosis d = DIAGNOSER.everyText(facts("nsg-deny-all-nic", "lb-web"), "lb-web", "data-port-down", List.of());
    assertThat(d.remediationOf("data-port-blocked").orElseThrow().steps()).anyMatch(s -> s.contains("from Internet at 100"));
    String all = d.remediation().stream().flatMap(r -> java.util.stream.Stream.concat(r.steps().stream(), commands(r).stream()))
        .reduce("", (a, b) -> a + "\n" + b);
    assertThat(all).doesNotContain("any client");
  }

  /** The fix's command lines, in order. */
  private static List<String> fix(Diagnosis.Remediation r) {
    return r.fixes().stream().map(Diagnosis.Command::command).toList();
  }

  /** Every command line of a remediation. */
  private static List<String> commands(Diagnosis.Remediation r) {
    return r.commands().stream().map(Diagnosis.Command::command).toList();
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
