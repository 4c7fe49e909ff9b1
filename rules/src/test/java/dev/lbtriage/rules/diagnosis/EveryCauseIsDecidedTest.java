package dev.lbtriage.rules.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.PowerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every cause: a case where the rules confirm it (or, where no fact or answer can, suspect it),
 * one where they rule it out, and one where the fact is missing and they ask the question instead.
 */
class EveryCauseIsDecidedTest {
  static final RuleEngine ENGINE = RuleEngine.fromClasspath();
  static final String ASKED = "asked:";

  static Supplier<AzureFacts> running() {
    return () -> new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).vm("vm2", "10.0.0.5", PowerState.RUNNING).build();
  }

  /** A Standard public load balancer whose NIC NSG admits web clients from anywhere (Standard is closed without one). */
  static Supplier<AzureFacts> publicRunning() {
    return () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
        .nsg("nsg-nic", false, "AllowWeb", 200, Access.ALLOW, "*", "80").build();
  }

  static Arguments c(String cause, String expected, String symptom, Supplier<AzureFacts> facts, Map<String, String> answers) {
    return Arguments.of(cause, expected, symptom, facts, answers);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c("vm-unhealthy", "confirmed", "probe-down", () -> new TestFacts().vm("vm1", "10.0.0.4", PowerState.STOPPED).build(), Map.of()),
        c("vm-unhealthy", "confirmed", "probe-down", running(), Map.of("vm-responds", "no")),
        c("vm-unhealthy", "ruled-out", "probe-down", running(), Map.of("vm-responds", "yes")),
        c("vm-unhealthy", ASKED + "vm-responds", "probe-down", running(), Map.of()),
        c("probe-port-not-listening", "confirmed", "probe-down", running(), Map.of("probe-port-listening", "no")),
        c("probe-port-not-listening", "ruled-out", "probe-down", running(), Map.of("probe-port-listening", "yes")),
        c("probe-port-not-listening", ASKED + "probe-port-listening", "probe-down", running(), Map.of()),
        c("probe-port-blocked", "confirmed", "probe-down", () -> new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "DenyAll", 100, Access.DENY, "*", "*").build(), Map.of()),
        c("probe-port-blocked", "confirmed", "probe-down", () -> new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-subnet", true, "DenyAll", 100, Access.DENY, "*", "*").build(), Map.of()),
        c("probe-port-blocked", "confirmed", "probe-down", running(), Map.of("guest-firewall-allows-probe", "no")),
        c("probe-port-blocked", "ruled-out", "probe-down", running(), Map.of("guest-firewall-allows-probe", "yes")),
        c("probe-port-blocked", ASKED + "guest-firewall-allows-probe", "probe-down", running(), Map.of()),
        c("probe-misconfigured", "suspected", "probe-down", () -> new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .routeToAppliance("10.0.2.4").build(), Map.of()),
        c("probe-misconfigured", "ruled-out", "probe-down", () -> new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .dipAvailability("10.0.0.4", 100).build(), Map.of()),
        c("probe-misconfigured", ASKED + "probe-traffic-seen", "probe-down", running(),
            Map.of("vm-responds", "yes", "probe-port-listening", "yes", "guest-firewall-allows-probe", "yes")),
        c("data-port-not-listening", "confirmed", "data-port-down", running(), Map.of("data-port-listening", "no")),
        c("data-port-not-listening", "ruled-out", "data-port-down", running(), Map.of("data-port-listening", "yes")),
        c("data-port-not-listening", ASKED + "data-port-listening", "data-port-down", running(), Map.of()),
        // the client's address is not known: only a deny of every source confirms (no source is assumed)
        c("data-port-blocked", "confirmed", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "DenyAll", 100, Access.DENY, "*", "*").build(), Map.of()),
        // Standard public, no NSG at all: closed by default, whoever the client is
        c("data-port-blocked", "confirmed", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .build(), Map.of()),
        c("data-port-blocked", "confirmed", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "AllowSsh", 300, Access.ALLOW, "Internet", "22").build(), Map.of("client-ip", "203.0.113.7")),
        // the defaults deny the internet but admit the VNet: without the client's address, ask for it
        c("data-port-blocked", ASKED + "client-ip", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "AllowSsh", 300, Access.ALLOW, "Internet", "22").build(), Map.of()),
        c("data-port-blocked", "confirmed", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "DenyClient", 200, Access.DENY, "203.0.113.0/24", "*").build(), Map.of("client-ip", "203.0.113.7")),
        c("data-port-blocked", "ruled-out", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "AllowWeb", 200, Access.ALLOW, "Internet", "80").build(), Map.of("client-ip", "203.0.113.7")),
        c("data-port-blocked", ASKED + "client-ip", "data-port-down", () -> new TestFacts().publicFrontend().vm("vm1", "10.0.0.4", PowerState.RUNNING)
            .nsg("nsg-nic", false, "AllowWeb", 200, Access.ALLOW, "Internet", "80").build(), Map.of()),
        c("same-vm-and-nic", "confirmed", "data-port-down", running(), Map.of("client-ip", "10.0.0.4", "same-nic", "yes")),
        c("same-vm-and-nic", "ruled-out", "data-port-down", running(), Map.of("client-ip", "10.9.9.9")),
        c("same-vm-and-nic", ASKED + "same-nic", "data-port-down", publicRunning(), Map.of("client-ip", "10.0.0.4")),
        c("same-vm-and-nic", ASKED + "client-on-backend-vm", "data-port-down", publicRunning(), Map.of("client-ip", "unknown")),
        c("ilb-hairpin", "confirmed", "data-port-down", running(), Map.of("client-ip", "10.0.0.5")),
        c("ilb-hairpin", "ruled-out", "data-port-down", publicRunning(), Map.of()),
        c("ilb-hairpin", "ruled-out", "data-port-down", running(), Map.of("client-ip", "10.0.9.9")),
        c("ilb-hairpin", ASKED + "client-ip", "data-port-down", running(), Map.of()),
        c("vmss-probe-locks-backend-port", "confirmed", "vmss-backend-port-locked", () -> new TestFacts()
            .vmssInstance("vmss1", "0", "10.0.0.6").scaleSet("vmss1", TestFacts.PROBE).build(), Map.of()),
        c("vmss-probe-locks-backend-port", "ruled-out", "vmss-backend-port-locked", running(), Map.of()),
        c("vmss-probe-locks-backend-port", "ruled-out", "vmss-backend-port-locked", () -> new TestFacts()
            .vmssInstance("vmss1", "0", "10.0.0.6").scaleSet("vmss1", TestFacts.LB + "/probes/other").build(), Map.of()),
        c("vmss-probe-locks-backend-port", ASKED + "changing-backend-port", "vmss-backend-port-locked",
            () -> new TestFacts().vmssInstance("vmss1", "0", "10.0.0.6").build(), Map.of()),
        c("platform-traffic", "confirmed", "residual-traffic", running(), Map.of("residual-traffic-is-platform", "yes")),
        c("platform-traffic", "ruled-out", "residual-traffic", running(), Map.of("residual-traffic-is-platform", "no")),
        c("platform-traffic", ASKED + "residual-traffic-is-platform", "residual-traffic", running(), Map.of()));
  }

  @ParameterizedTest(name = "{0} is {1} ({2}, answers {4})")
  @MethodSource("cases")
  void the_rules_decide_each_cause_from_facts_and_answers_or_ask(
      String cause, String expected, String symptom, Supplier<AzureFacts> facts, Map<String, String> answers) {
    // given
    var answerFacts = answers.entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
    // when
    RuleOutcome out = ENGINE.diagnose(facts.get(), new Triage(symptom, TestFacts.LB), answerFacts);
    // then
    if (expected.startsWith(ASKED)) {
      assertThat(out.asks()).anyMatch(a -> a.question().equals(expected.substring(ASKED.length())) && a.cause().equals(cause));
      assertThat(out.findings()).noneMatch(f -> f.cause().equals(cause) && f.status() == Status.CONFIRMED);
    } else {
      Status strongest = out.findings().stream().filter(f -> f.cause().equals(cause)).map(Finding::status)
          .max(Enum::compareTo).orElse(null);
      assertThat(strongest).as("findings: %s", out.findings()).isNotNull();
      assertThat(strongest.id()).isEqualTo(expected);
      assertThat(out.findings()).filteredOn(f -> f.cause().equals(cause) && f.status() == strongest)
          .allSatisfy(f -> assertThat(f.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank()));
    }
  }

  /** {@code Finding.of("cause", ...)} or {@code Finding.about($flow, "cause", ...)} in a DRL file. */
  static final Pattern FINDING = Pattern.compile("Finding\\.(?:of\\(|about\\(\\$\\w+, )\"([a-z0-9-]+)\"");

  @Test
  void the_cases_cover_every_cause_the_drl_decides_each_decided_and_ruled_out() throws IOException {
    // the causes: what the rules' DRL files emit findings for (no list kept by hand)
    Path dir = Path.of("src", "main", "resources", "dev", "lbtriage", "rules", "diagnosis");
    Set<String> decided = new HashSet<>();
    try (Stream<Path> drls = Files.list(dir)) {
      for (Path drl : drls.filter(p -> p.toString().endsWith(".drl")).toList()) {
        Matcher m = FINDING.matcher(Files.readString(drl));
        while (m.find()) {
          decided.add(m.group(1));
        }
      }
    }
    assertThat(decided).hasSizeGreaterThanOrEqualTo(9);
    Map<String, Set<String>> outcomes = cases().collect(Collectors.groupingBy(a -> (String) a.get()[0],
        Collectors.mapping(a -> (String) a.get()[1], Collectors.toSet())));
    assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(decided);
    outcomes.forEach((cause, seen) -> {
      assertThat(seen).as(cause).contains("ruled-out");
      assertThat(seen).as(cause).anyMatch(o -> o.equals("confirmed") || o.equals("suspected"));
    });
  }
}
