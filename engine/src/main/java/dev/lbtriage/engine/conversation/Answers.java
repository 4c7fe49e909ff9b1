package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.diagnosis.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers the rules see: those given (typed, or read from the report and confirmed), then those
 * {@link Implications implied} by them or by live checks. And the evidence they leave, said in the
 * user's words: where an answer came from the report, the report's clause is quoted.
 */
final class Answers {
  private static final String PREFIX = "answer ";

  private Answers() {}

  /** Every answer for the rules, given ones first. */
  static List<Answer> effective(ConversationState s, Implications rules) {
    List<Answer> out = new ArrayList<>(s.answers().stream().map(a -> new Answer(a.question(), a.value())).toList());
    rules.of(s.answers(), s.checks()).forEach(i -> out.add(new Answer(i.question(), i.value())));
    return out;
  }

  /** Whether the question is answered, given or implied. */
  static boolean answered(ConversationState s, Implications rules, String questionId) {
    return s.answers().stream().anyMatch(a -> a.question().equals(questionId))
        || rules.of(s.answers(), s.checks()).stream().anyMatch(i -> i.question().equals(questionId));
  }

  /** The implied answer to a question, if it is implied and not given. */
  static Optional<Implications.Implied> implied(ConversationState s, Implications rules, String questionId) {
    return rules.of(s.answers(), s.checks()).stream().filter(i -> i.question().equals(questionId)).findFirst();
  }

  /** The diagnosis with each "answer Q = V" evidence line saying where the answer came from. */
  static Diagnosis cited(Diagnosis d, ConversationState s, Implications rules) {
    List<Diagnosis.CauseFinding> findings = d.findings().stream()
        .map(f -> f.withEvidence(f.evidence().stream().map(e -> cite(e, s, rules)).toList())).toList();
    return new Diagnosis(d.symptom(), d.loadBalancer(), findings, d.questions(), d.remediation(), d.symptomEvidence(),
        d.supportCase(), d.missingFacts(), d.problems(), d.health(), d.notices());
  }

  static String cite(String evidence, ConversationState s, Implications rules) {
    if (!evidence.startsWith(PREFIX)) {
      return evidence;
    }
    String rest = evidence.substring(PREFIX.length());
    int eq = rest.indexOf(" = ");
    if (eq < 0) {
      return evidence;
    }
    String question = rest.substring(0, eq);
    Optional<RecordedAnswer> given = s.answers().stream().filter(a -> a.question().equals(question)).findFirst();
    if (given.isPresent()) {
      RecordedAnswer a = given.get();
      if (a.fromReport() && a.quote() != null) {
        return evidence + " (your report: \"" + a.quote() + "\", confirmed by " + a.by() + ")";
      }
      if (RecordedAnswer.HEDGED.equals(a.source()) && a.quote() != null) {
        return evidence + " (" + a.by() + " said \"" + a.quote() + "\" and confirmed it)";
      }
      return evidence;
    }
    return implied(s, rules, question).map(i -> evidence + " (implied: " + i.reason()
        + ("check".equals(i.from()) ? "" : ", from the answer to " + i.from()) + ")").orElse(evidence);
  }
}
