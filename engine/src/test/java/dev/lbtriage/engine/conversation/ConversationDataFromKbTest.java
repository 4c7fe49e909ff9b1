package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.model.AnswerKind;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Check;
import dev.lbtriage.kb.model.FromReport;
import dev.lbtriage.kb.model.HowToCheck;
import dev.lbtriage.kb.model.Implication;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.LivePort;
import dev.lbtriage.kb.model.ProbeHealthSide;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.ReportReading;
import dev.lbtriage.kb.model.ResolutionStep;
import dev.lbtriage.kb.model.Source;
import dev.lbtriage.kb.model.Symptom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the conversation knows of questions, causes and symptoms comes from the knowledge base: a KB
 * with ids the engine has never seen gets the same treatment (implications, report readings, the
 * Health Probe Status pair), and the bundled KB's data is used as declared.
 */
class ConversationDataFromKbTest {
  static final HowToCheck HOW = new HowToCheck(null, "look", null);

  static Question question(String id, LivePort live, List<Implication> implies, FromReport fromReport) {
    return new Question(id, "Is " + id + "?", "To know.", AnswerKind.YES_NO, HOW, List.of("s"), List.of(), live, implies, fromReport);
  }

  static Symptom symptom(String id, List<Question> questions, List<Cause> causes, ProbeHealthSide side) {
    return new Symptom(id, id, "For tests.", List.of(id), List.of(id), List.of("s"), causes, questions, List.of(), null,
        new Source(id + ".yaml"), side);
  }

  static Cause cause(String id, FromReport fromReport) {
    return new Cause(id, id, "Because.", List.of("s"), List.of(new Check.Manual("disk-full", "asked")),
        List.of(new ResolutionStep("Fix it.")), List.of(), null, fromReport);
  }

  static ReportReading reading(String regex, String says, ReportReading.Strength strength, boolean negated) {
    return new ReportReading(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), says, strength, negated);
  }

  /** A KB none of whose ids the engine knows. */
  static final KnowledgeBase MADE_UP = new KnowledgeBase(List.of(
      symptom("disk-trouble", List.of(
          question("disk-full", LivePort.DATA_PORT, List.of(
              new Implication("yes", "writes-fail", "yes", "a full disk takes no writes"),
              new Implication(null, "disk-full", "no", "the live check wrote a file")),
              new FromReport(List.of(reading("\\bdisk is full\\b", "yes", ReportReading.Strength.ANSWER, false),
                  reading("\\bdisk is not full\\b", "no", ReportReading.Strength.ANSWER, true)), null, Pattern.compile("\\bbackup\\b"),
                  null)),
          question("writes-fail", null, List.of(), new FromReport(List.of(), "disk-full", null, null))),
          List.of(cause("disk-quota", new FromReport(List.of(reading("\\bquota\\b", "yes", ReportReading.Strength.LEAD, false)), null,
              null, null))),
          new ProbeHealthSide(ProbeHealthSide.Shows.FAILING, List.of(reading("\\bprobes? red\\b", null, ReportReading.Strength.ANSWER,
              false)))),
      symptom("port-dead", List.of(), List.of(cause("port-closed", null)),
          new ProbeHealthSide(ProbeHealthSide.Shows.PASSING, List.of(reading("\\bprobes? green\\b", null, ReportReading.Strength.ANSWER,
              false))))));

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
