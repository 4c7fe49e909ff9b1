package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.DataFlow;
import dev.lbtriage.rules.diagnosis.DiagnosisSession;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code show} and {@code diagnose} never disagree: over every example in {@code examples/} (the
 * folders that hold a {@code scenario.yaml}), the verdict {@code show --format json} prints for each
 * backend's probe and data flows is the verdict the diagnosis rules hold for that backend (the
 * {@link ProbeFlow}s and {@link DataFlow}s of a rule session for each symptom of the knowledge base,
 * the client's address not given, as {@code show} has none).
 */
class ShowAndDiagnoseAgreeTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(ScenarioReader.FILE))).map(d -> d.getFileName().toString())
          .sorted().toList().stream();
    }
  }

  @Test
  void every_example_folder_is_compared() throws IOException {
    assertThat(examples().toList()).hasSizeGreaterThanOrEqualTo(10).contains("nsg-deny-all-nic", "vmss-model-nsg-blocks-probe");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void show_prints_the_verdicts_the_rules_hold(String example) {
    Path folder = EXAMPLES.resolve(example);
    String lbName = ScenarioReader.read(folder).loadBalancer();
    Cli.Result r = Cli.run("show", "--snapshot", folder.toString(), "--lb", lbName, "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, List<String>> shown = fromShow(r.json());

    AzureFacts facts = new SnapshotReader(folder).gather(lbName, Progress.none());
    LoadBalancer lb = facts.loadBalancer(lbName).orElseThrow();
    RuleEngine engine = RuleEngine.fromClasspath();
    for (Symptom s : KnowledgeBaseLoader.loadBundled().symptoms()) {
      try (DiagnosisSession session = engine.open(facts, new Triage(s.id(), lb.id()))) {
        session.run();
        Map<String, List<String>> held = fromRules(lb, session);
        assertThat(shown).as("%s: show's verdicts against the rules' for symptom %s", example, s.id()).isEqualTo(held);
      }
    }
    boolean backends = lb.pools().stream().anyMatch(p -> !p.members().isEmpty()) && !lb.rules().isEmpty();
    if (backends) {
      assertThat(shown).as("%s has backends behind rules, so some flow is compared", example).isNotEmpty();
    }
  }

  /** {@code backend|probe p|rule r} or {@code backend|rule r} -> the distinct verdicts, sorted (an instance may have two: its NIC's and its scale set model's). */
  private static Map<String, List<String>> fromShow(JsonNode root) {
    Map<String, List<String>> out = new TreeMap<>();
    for (JsonNode pool : root.path("pools")) {
      for (JsonNode m : pool.path("members")) {
        String ip = m.path("ipAddress").isNull() ? "?" : m.path("ipAddress").asText();
        for (JsonNode c : m.path("probeFlows")) {
          put(out, ip + "|probe " + c.path("probe").asText() + "|rule " + c.path("rule").asText(), c.path("verdict").asText());
        }
        for (JsonNode c : m.path("dataFlows")) {
          put(out, ip + "|rule " + c.path("rule").asText(), c.path("verdict").asText());
        }
      }
    }
    return out;
  }

  private static Map<String, List<String>> fromRules(LoadBalancer lb, DiagnosisSession session) {
    Map<String, List<String>> out = new TreeMap<>();
    for (ProbeFlow p : session.objects(ProbeFlow.class)) {
      put(out, p.backendIp() + "|probe " + ArmId.name(p.probeId()) + "|rule " + ArmId.name(p.ruleId()), word(p.verdict()));
    }
    for (DataFlow d : session.objects(DataFlow.class)) {
      assertThat(d.specificClient()).isFalse();
      put(out, d.backendIp() + "|rule " + ArmId.name(d.ruleId()), word(d.verdict()));
    }
    return out;
  }

  private static void put(Map<String, List<String>> out, String key, String verdict) {
    List<String> v = out.computeIfAbsent(key, k -> new ArrayList<>());
    if (!v.contains(verdict)) { // the rules hold equal verdicts once (instances whose address is not known are all "?")
      v.add(verdict);
      v.sort(null);
    }
  }

  /** The rules' verdict as show's JSON spells it. */
  private static String word(dev.lbtriage.rules.diagnosis.Verdict v) {
    return switch (v) {
      case ALLOWED -> "ALLOW";
      case DENIED -> "DENY";
      case UNKNOWN -> "UNKNOWN";
    };
  }
}
