package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.TrafficFlows;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NSG with a rule left out as unreadable is incomplete: its other rules decide no flow for sure (the left-out rule
 * may come first), so no "allowed" and no "confirmed" follows from the partial list; the verdict is unknown and the
 * NSG's cause stays suspected. Over the {@code healthy} example, whose {@code nsg-shop.json} is the real NSG payload
 * of {@code network-security-groups/azure-libraries-for-java.azure.testNetworkSecurityGroups.session-record.json}
 * (record [9]; names changed, see examples/healthy/NOTES.md); each test breaks one rule of it in a copy.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LeftOutSecurityRuleTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path HEALTHY = Path.of("..", "examples", "healthy");
  static final String NSG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shop/providers/"
      + "Microsoft.Network/networkSecurityGroups/nsg-shop";
  static final String BACKEND = "172.18.0.5";
  static final Diagnoser DIAGNOSER = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());

  @TempDir Path tmp;

  /** A copy of the healthy example with {@code edit} applied to the securityRules array of nsg-shop.json. */
  Path healthyWith(Consumer<ObjectNode> editProperties) throws IOException {
    try (Stream<Path> files = Files.list(HEALTHY)) {
      for (Path f : files.toList()) {
        Files.copy(f, tmp.resolve(f.getFileName()));
      }
    }
    Path nsg = tmp.resolve("nsg-shop.json");
    ObjectNode doc = (ObjectNode) JSON.readTree(nsg.toFile());
    editProperties.accept((ObjectNode) doc.get("properties"));
    JSON.writerWithDefaultPrettyPrinter().writeValue(nsg.toFile(), doc);
    return tmp;
  }

  static AzureFacts facts(Path folder) {
    return new SnapshotReader(folder).gather("lb-shop", Progress.none());
  }

  static FlowVerdict probeVerdict(AzureFacts facts) {
    HealthProbe probe = facts.loadBalancers().get(0).probes().stream().filter(p -> p.name().equals("httpProbe")).findFirst().orElseThrow();
    return FlowEvaluator.forNic(facts, BACKEND, TrafficFlows.probe(probe, BACKEND));
  }

  static String statusOf(AzureFacts facts, String cause) {
    // the engineer says the guest firewall admits the probe: the NSG verdict alone then decides this cause
    Diagnosis d = DIAGNOSER.diagnose(facts, "lb-shop", "probe-down", null, List.of(new Answer("guest-firewall-allows-probe", "yes")));
    return d.findings().stream().filter(f -> f.cause().equals(cause)).map(Diagnosis.CauseFinding::status).findFirst().orElse("not found");
  }

  @Test
  void the_unbroken_nsg_admits_the_probe_and_rules_the_nsg_out() {
    AzureFacts facts = facts(HEALTHY);
    assertThat(facts.missing()).noneMatch(m -> m.kind().equals(MissingFact.SECURITY_RULE));
    assertThat(probeVerdict(facts).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(statusOf(facts, "probe-port-blocked")).isEqualTo("ruled-out");
  }

  @Test
  void a_rule_with_an_unreadable_priority_is_left_out_and_the_nsg_decides_nothing() throws IOException {
    // rule2 (Inbound Allow 22-25 from an ASG, priority 200): its priority as a word, which Azure would refuse
    Path folder = healthyWith(p -> ((ObjectNode) p.get("securityRules").get(1).get("properties")).put("priority", "two hundred"));
    AzureFacts facts = facts(folder);

    assertThat(facts.problems()).filteredOn(pr -> pr.file().equals("nsg-shop.json")).singleElement()
        .satisfies(pr -> {
          assertThat(pr.severity()).isEqualTo(SnapshotProblem.Severity.ERROR);
          assertThat(pr.jsonPath()).isEqualTo("$.properties.securityRules[1].properties.priority");
        });
    assertThat(facts.nsg(NSG).orElseThrow().rules()).extracting("name").containsExactly("rule1");
    assertThat(facts.missing()).contains(new MissingFact(MissingFact.SECURITY_RULE, NSG + "/securityRules/rule2", NSG,
        MissingFacts.LEFT_OUT));
    FlowVerdict v = probeVerdict(facts);
    assertThat(v.verdict()).as(v.toString()).isEqualTo(Verdict.UNKNOWN);
    assertThat(v.decisions()).anySatisfy(d -> assertThat(d.describe())
        .contains("the rules read would allow it, but rule 'rule2' of this NSG could not be read (left out)"));
    assertThat(statusOf(facts, "probe-port-blocked")).isEqualTo("suspected");
  }

  @Test
  void a_rule_that_is_not_an_object_is_left_out_by_its_place() throws IOException {
    Path folder = healthyWith(p -> ((ArrayNode) p.get("securityRules")).insert(0, "AllowEverything"));
    AzureFacts facts = facts(folder);
    assertThat(facts.problems()).anySatisfy(pr -> assertThat(pr.jsonPath()).isEqualTo("$.properties.securityRules[0]"));
    assertThat(facts.missing()).filteredOn(m -> m.kind().equals(MissingFact.SECURITY_RULE)).extracting(MissingFact::reference)
        .containsExactly(NSG + "/securityRules[0]");
    assertThat(probeVerdict(facts).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void a_rule_list_that_is_not_a_list_leaves_the_nsg_incomplete() throws IOException {
    Path folder = healthyWith(p -> p.put("securityRules", "none"));
    AzureFacts facts = facts(folder);
    assertThat(facts.problems()).anySatisfy(pr -> assertThat(pr.jsonPath()).isEqualTo("$.properties.securityRules"));
    assertThat(facts.missing()).filteredOn(m -> m.kind().equals(MissingFact.SECURITY_RULE)).extracting(MissingFact::reference)
        .containsExactly(NSG + "/securityRules");
    assertThat(probeVerdict(facts).verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(statusOf(facts, "probe-port-blocked")).isEqualTo("suspected");
  }
}
