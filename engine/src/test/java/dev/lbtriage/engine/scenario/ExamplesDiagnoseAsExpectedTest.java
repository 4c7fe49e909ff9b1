package dev.lbtriage.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bundled example diagnoses to what its scenario.yaml expects, with evidence and a filled-in fix. */
class ExamplesDiagnoseAsExpectedTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RuleEngine.fromClasspath());

  static Stream<Scenario> examples() {
    List<Scenario> all = ScenarioReader.readAll(Path.of("..", "examples"));
    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_example_diagnoses_as_its_scenario_expects(Scenario s) {
    // given
    SnapshotReader reader = new SnapshotReader(s.folder());
    AzureFacts facts = reader.gather(s.loadBalancer(), Progress.none());
    List<Answer> answers = s.answers().entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
    // when
    Diagnosis d = DIAGNOSER.diagnose(facts, s.loadBalancer(), s.symptom(), null, answers);
    // then
    for (Scenario.Expectation e : s.expect()) {
      assertThat(d.findings()).as("%s in %s", e.cause(), d.findings())
          .filteredOn(f -> f.cause().equals(e.cause())).singleElement()
          .satisfies(f -> {
            assertThat(f.status()).isEqualTo(e.status());
            assertThat(f.evidence()).isNotEmpty();
            assertThat(f.rule()).startsWith(e.cause() + ":");
          });
      if (!e.status().equals("ruled-out")) {
        assertThat(d.remediation()).filteredOn(r -> r.cause().equals(e.cause())).singleElement()
            .satisfies(r -> assertThat(r.commands()).isNotEmpty().allSatisfy(c -> assertThat(c.command()).doesNotContain("{")));
      }
    }
    if (s.expectNoConfirmed()) {
      assertThat(d.confirmed()).isEmpty();
    }
  }
}
