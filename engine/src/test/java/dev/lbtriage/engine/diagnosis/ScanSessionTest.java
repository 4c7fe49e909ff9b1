package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fleet scan's one session for several symptoms ({@link Diagnoser#scan}) finds, for each symptom, exactly what that
 * symptom's own session finds with no answer, and explains it with the same words and the same filled-in fix as a
 * diagnosis of that symptom (issue 20), for every example and every symptom the scan runs.
 */
class ScanSessionTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final RuleEngine RULES = RuleEngine.fromClasspath();
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RULES);
  /** The symptoms a fleet scan runs: those with a cause the KB says a scan reports. */
  static final List<String> SYMPTOMS = KB.symptoms().stream().filter(s -> s.causes().stream().anyMatch(Cause::scanned))
      .map(dev.lbtriage.kb.model.Symptom::id).toList();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("..", "examples"))) {
      List<Path> all = dirs.filter(d -> Files.isRegularFile(d.resolve("scenario.yaml"))).sorted().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(8);
      return all.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void one_session_for_the_symptoms_finds_and_explains_what_each_symptom_alone_does(Path example) {
    assertThat(SYMPTOMS).hasSizeGreaterThanOrEqualTo(2);
    SnapshotReader reader = new SnapshotReader(example);
    String id = reader.loadBalancers().get(0).id();
    AzureFacts facts = reader.gather(id, Progress.none());
    LoadBalancer lb = facts.loadBalancer(id).orElseThrow();
    List<Diagnoser.Scanned> scanned = DIAGNOSER.scan(facts, lb, SYMPTOMS, f -> true);
    for (String symptom : SYMPTOMS) {
      Set<String> causes = KB.symptom(symptom).orElseThrow().causes().stream().map(Cause::id).collect(Collectors.toSet());
      RuleOutcome alone = RULES.diagnose(facts, new Triage(symptom, lb.id()), List.of());
      List<Finding> expected = alone.findings().stream().filter(f -> causes.contains(f.cause())).toList();
      List<Diagnoser.Scanned> mine = scanned.stream().filter(s -> s.symptom().equals(symptom)).toList();
      if (expected.isEmpty()) {
        assertThat(mine).as(symptom).isEmpty();
        continue;
      }
      assertThat(mine).as(symptom).singleElement().satisfies(s -> {
        assertThat(s.findings()).as(symptom).isEqualTo(expected);
        Diagnosis full = DIAGNOSER.diagnose(facts, lb.id(), symptom, null, List.of());
        Set<String> found = expected.stream().map(Finding::cause).collect(Collectors.toSet());
        assertThat(s.diagnosis().findings()).as(symptom).isEqualTo(full.findings().stream().filter(f -> found.contains(f.cause())).toList());
        assertThat(s.diagnosis().health()).as(symptom).isEqualTo(full.health());
        assertThat(s.diagnosis().remediation()).as(symptom)
            .isEqualTo(full.remediation().stream().filter(r -> found.contains(r.cause())).toList());
      });
    }
    assertThat(scanned.stream().mapToInt(s -> s.findings().size()).sum()).as("findings in all").isPositive();
  }
}
