package dev.lbtriage.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No rule confirms a cause from an assumed value: for every KB question id and every example
 * snapshot, the rules run with that question unanswered and answered "I don't know" (the example's
 * other answers kept). Neither may confirm anything from that question: no confirmed finding cites
 * an answer that was not given, "I don't know" adds no confirmation, and without the client's
 * address a confirmed {@code data-port-blocked} must hold for every client (never for a stand-in
 * source such as the {@code Internet} or {@code VirtualNetwork} tag).
 */
class NoConfirmationFromAnAssumedValueTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Pattern CITED = Pattern.compile("answer ([a-z-]+) = (\\S+)");

  static Stream<Arguments> cases() {
    List<Scenario> all = ScenarioReader.readAll(Facts.EXAMPLES);
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    List<String> questions = KB.questions().map(Question::id).distinct().toList();
    assertThat(questions).contains("client-ip", "vm-responds", "guest-firewall-allows-probe", "data-port-listening");
    return all.stream().flatMap(s -> questions.stream().map(q -> Arguments.of(s, q)));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("cases")
  void a_question_not_answered_or_not_known_confirms_nothing(Scenario s, String question) {
    AzureFacts facts = new SnapshotReader(s.folder()).gather(s.loadBalancer(), Progress.none());
    Map<String, String> base = new HashMap<>(s.answers());
    base.remove(question);
    Map<String, String> dontKnow = new HashMap<>(base);
    dontKnow.put(question, "I don't know");

    RuleOutcome unanswered = Facts.run(facts, s.symptom(), base);
    RuleOutcome unknown = Facts.run(facts, s.symptom(), normalised(dontKnow));

    for (RuleOutcome out : List.of(unanswered, unknown)) {
      for (Finding f : confirmed(out)) {
        for (String e : f.evidence()) {
          Matcher m = CITED.matcher(e);
          while (m.find()) {
            assertThat(m.group(1)).as("%s cites an answer that was not given: %s", f, e).isNotEqualTo(question);
            assertThat(m.group(2)).as("%s confirmed from an unknown answer: %s", f, e).isNotEqualTo(Answer.UNKNOWN);
          }
        }
        if (question.equals("client-ip") && f.cause().equals("data-port-blocked")) {
          assertThat(f.evidence()).as("%s without the client's address", f)
              .allSatisfy(e -> assertThat(e).contains("every client is denied, whatever its address"));
        }
      }
    }
    assertThat(keys(confirmed(unknown))).as("\"I don't know\" to %s adds no confirmation", question)
        .isSubsetOf(keys(confirmed(unanswered)));
  }

  /** "I don't know" as the answer parser records it ({@code unknown}). */
  private static Map<String, String> normalised(Map<String, String> answers) {
    Map<String, String> out = new HashMap<>();
    answers.forEach((k, v) -> out.put(k, v.equals("I don't know") ? Answer.UNKNOWN : v));
    return out;
  }

  private static List<Finding> confirmed(RuleOutcome out) {
    return out.findings().stream().filter(f -> f.status() == Status.CONFIRMED).toList();
  }

  private static Set<String> keys(List<Finding> findings) {
    return findings.stream().map(f -> f.cause() + "@" + f.subject()).collect(Collectors.toSet());
  }
}
