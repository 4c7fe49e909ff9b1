package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.BackendRoute;
import dev.lbtriage.rules.diagnosis.DataFlow;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fix names what its cause's findings are about (issue 15: the values come with the finding, not from the cause's
 * id): the NSG rule that denied the flow a confirmed finding is about, the user route a finding says diverts the
 * replies. Over every example, whatever its cause.
 */
class FixValuesFromFindingsTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final RuleEngine RULES = RuleEngine.fromClasspath();
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RULES);
  static final java.util.concurrent.atomic.AtomicInteger CHECKED = new java.util.concurrent.atomic.AtomicInteger();
  static final Set<String> KINDS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @org.junit.jupiter.api.AfterAll
  static void the_examples_check_nsg_rules_of_both_flows_and_a_route() {
    assertThat(CHECKED.get()).isGreaterThanOrEqualTo(5);
    assertThat(KINDS).contains("ProbeFlow", "DataFlow", "BackendRoute");
  }

  static Stream<Scenario> examples() {
    List<Scenario> all = ScenarioReader.readAll(Path.of("..", "examples"));
    assertThat(all).hasSizeGreaterThanOrEqualTo(14);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_fix_of_a_cause_names_the_rule_or_route_its_findings_are_about(Scenario s) {
    AzureFacts facts = new SnapshotReader(s.folder()).gather(s.loadBalancer(), Progress.none());
    List<Answer> answers = s.answers().entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
    String lbId = facts.loadBalancer(s.loadBalancer()).orElseThrow().id();
    RuleOutcome out = RULES.diagnose(facts, new Triage(s.symptom(), lbId), answers);
    Diagnosis d = DIAGNOSER.diagnose(facts, s.loadBalancer(), s.symptom(), null, answers);
    for (String cause : out.findings().stream().filter(f -> f.status() != Status.RULED_OUT && f.about() != null)
        .map(Finding::cause).collect(Collectors.toCollection(java.util.TreeSet::new))) {
      List<Finding> about = out.findings().stream().filter(f -> f.cause().equals(cause) && f.about() != null).toList();
      Set<String> names = about.stream().map(f -> name(f, f.status() == Status.CONFIRMED)).filter(n -> n != null).collect(Collectors.toSet());
      if (names.isEmpty() || d.remediationOf(cause).isEmpty()) {
        continue;
      }
      Diagnosis.Remediation r = d.remediationOf(cause).orElseThrow();
      String text = String.join("\n", r.steps()) + "\n" + String.join("\n", r.commands().stream().map(c -> c.description() + "\n" + c.command()).toList());
      assertThat(names).as("%s: %s's fix names what its findings are about", s.name(), cause).anyMatch(text::contains);
      CHECKED.incrementAndGet();
      about.stream().filter(f -> name(f, f.status() == Status.CONFIRMED) != null).forEach(f -> KINDS.add(f.about().getClass().getSimpleName()));
    }
  }

  /** The NSG rule a denied flow's finding is about, or the user route a diverting route's finding is about. */
  private static String name(Finding f, boolean confirmed) {
    if (f.about() instanceof ProbeFlow p && confirmed && p.deciding() != null) {
      return p.deciding().ruleName();
    }
    if (f.about() instanceof DataFlow p && confirmed && p.deciding() != null) {
      return p.deciding().ruleName();
    }
    if (f.about() instanceof BackendRoute r && r.diverted()) {
      return r.routeName();
    }
    return null;
  }
}
