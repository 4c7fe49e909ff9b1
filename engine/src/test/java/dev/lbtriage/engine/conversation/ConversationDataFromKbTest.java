package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the conversation knows of questions, causes and symptoms comes from the knowledge base: a KB
 * with ids the engine has never seen gets the same treatment (implications, report readings, the
 * Health Probe Status pair), and the bundled KB's data is used as declared.
 */
class ConversationDataFromKbTest {
  /** A KB none of whose ids the engine knows, loaded from {@code src/test/resources/made-up-kb/}. */
  static final KnowledgeBase MADE_UP = load("made-up-kb");

  static KnowledgeBase load(String folder) {
    try {
      return KnowledgeBaseLoader.load(Path.of(ConversationDataFromKbTest.class.getClassLoader().getResource(folder).toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void implications_are_the_questions_implies() {
    Implications rules = Implications.of(MADE_UP);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(rules.of(List.of(new RecordedAnswer("disk-full", "yes", "ana", at)), List.of()))
        .containsExactly(new Implications.Implied("writes-fail", "yes", "disk-full", "a full disk takes no writes"));
    assertThat(rules.of(List.of(new RecordedAnswer("disk-full", "no", "ana", at)), List.of())).isEmpty();
    RecordedCheck connected = new RecordedCheck("disk-full", "10.0.0.4", 80, "tcp", 1, 1, "connected", "ana", at);
    assertThat(rules.of(List.of(), List.of(connected)))
        .containsExactly(new Implications.Implied("disk-full", "no", "check", "the live check wrote a file"));
  }

  @Test
  void report_readings_are_the_questions_and_causes_from_report() {
    ReportStatements reports = ReportStatements.of(MADE_UP);
    Set<String> both = Set.of("disk-full", "writes-fail");
    assertThat(reports.read("The disk is full since noon", both, Set.of("disk-quota"), Set.of()))
        .extracting(ReportStatements.Statement::question, ReportStatements.Statement::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("disk-full", "yes"), org.assertj.core.groups.Tuple.tuple("writes-fail", "yes"));
    assertThat(reports.read("The disk is full on the backup host", Set.of("disk-full"), Set.of(), Set.of()))
        .as("ignoreIn: what is said of the backup says nothing").isEmpty();
    assertThat(reports.read("The disk is not full", Set.of("disk-full"), Set.of(), Set.of())).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo("no"));
    assertThat(reports.read("we hit the quota", Set.of(), Set.of("disk-quota"), Set.of())).singleElement()
        .satisfies(s -> assertThat(s).extracting(ReportStatements.Statement::cause, ReportStatements.Statement::strength)
            .containsExactly("disk-quota", ReportStatements.Strength.LEAD));
    assertThat(reports.read("the probes red since noon", Set.of(ReportStatements.PROBE_HEALTH), Set.of(), Set.of())).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo("no"));
    assertThat(reports.read("the probe green", Set.of(ReportStatements.PROBE_HEALTH), Set.of(), Set.of())).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo("yes"));
  }

  @Test
  void the_health_probe_pair_is_the_symptoms_probe_health() {
    ProbeHealthVerdict.Pair pair = ProbeHealthVerdict.Pair.of(MADE_UP).orElseThrow();
    assertThat(pair).isEqualTo(new ProbeHealthVerdict.Pair("disk-trouble", "port-dead"));
    List<Candidate> two = List.of(new Candidate("port-dead", "", 0.4), new Candidate("disk-trouble", "", 0.3));
    assertThat(ReportMatch.probeOrDataPort(java.util.Optional.of(pair), two)).isTrue();
    assertThat(ReportMatch.probeOrDataPort(ProbeHealthVerdict.Pair.of(Chat.KB), two)).isFalse();
    assertThat(ProbeHealthVerdict.Pair.of(new KnowledgeBase(List.of(MADE_UP.symptoms().get(0))))).as("one side only").isEmpty();
  }

  @Test
  void the_runtimes_own_prompt_ids_are_no_kb_ids() throws IllegalAccessException {
    List<String> own = new java.util.ArrayList<>(List.of(ReportStatements.PROBE_HEALTH));
    for (java.lang.reflect.Field f : Prompts.class.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        f.setAccessible(true);
        own.add((String) f.get(null));
      }
    }
    assertThat(own).contains("load-balancer", "check-from-inside", "symptom-list");
    assertThat(own).doesNotContainAnyElementsOf(Chat.KB.questions().map(Question::id).toList())
        .doesNotContainAnyElementsOf(Chat.KB.causes().map(Cause::id).toList())
        .doesNotContainAnyElementsOf(Chat.KB.symptoms().stream().map(Symptom::id).toList());
  }

  @Test
  void the_bundled_kb_declares_one_pair_with_readings_and_lead_only_questions_of_their_own_symptom() {
    ProbeHealthVerdict.Pair pair = ProbeHealthVerdict.Pair.of(Chat.KB).orElseThrow();
    assertThat(Chat.KB.symptom(pair.failing()).orElseThrow().probeHealth().fromReport()).isNotEmpty();
    assertThat(Chat.KB.symptom(pair.passing()).orElseThrow().probeHealth().fromReport()).isNotEmpty();
    for (Symptom s : Chat.KB.symptoms()) {
      assertThat(ReportStatements.leadOnly(s, c -> true)).isSubsetOf(s.questions().stream().map(Question::id).toList());
      assertThat(ReportStatements.leadOnly(s, c -> false)).isEmpty();
    }
  }
}
