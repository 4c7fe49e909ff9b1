package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Check;
import dev.lbtriage.kb.model.Symptom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which open question to ask first. In order of weight:
 * <ol>
 *   <li>a question about a cause the facts point at (suspected by a fact, not by a missing answer) or
 *       the report points at (a lead such as "we added a route table") comes first; one about a
 *       cause the report points away from ("the NSG was not touched") comes last;
 *   <li>then the question whose answers change the status of the most causes, on average over its
 *       possible answers, each answer tried on the real rules ({@code whatIf});
 *   <li>between questions that split alike, a lead on the question itself ("the VMs run") moves it
 *       later when the value it suggests would rule its cause out, earlier when it would confirm it;
 *   <li>then the knowledge base's order.
 * </ol>
 */
final class QuestionOrder {
  /** Values tried for an ip-address question when no other is at hand: an address outside Azure (TEST-NET-1). */
  static final String OUTSIDE_IP = "192.0.2.1";

  private QuestionOrder() {}

  /** The scores of one question, for tests and for the order. */
  record Score(String question, int pointedAt, int lead, double split, int kbIndex) {
    double total() {
      return pointedAt * 100.0 + split * 10.0 + lead * 2.0 - kbIndex * 0.01;
    }
  }

  /**
   * @param whatIf the diagnosis with one more answer (question, value)
   * @param sampleIps addresses to try for an ip-address question (e.g. a backend's)
   */
  static List<Diagnosis.OpenQuestion> rank(Diagnosis d, List<Diagnosis.OpenQuestion> open, Symptom symptom,
      List<ReportStatements.Statement> statements, BiFunction<String, String, Diagnosis> whatIf, List<String> sampleIps) {
    if (open.size() < 2) {
      return open;
    }
    Map<String, Score> scores = new HashMap<>();
    for (Diagnosis.OpenQuestion q : open) {
      scores.put(q.id(), score(d, q, symptom, statements, whatIf, sampleIps));
    }
    return open.stream().sorted(Comparator.comparingDouble((Diagnosis.OpenQuestion q) -> scores.get(q.id()).total()).reversed()).toList();
  }

  static Score score(Diagnosis d, Diagnosis.OpenQuestion q, Symptom symptom, List<ReportStatements.Statement> statements,
      BiFunction<String, String, Diagnosis> whatIf, List<String> sampleIps) {
    Set<String> causes = causesOf(q, symptom);
    int pointed = 0;
    for (String cause : causes) {
      if (d.findings().stream().anyMatch(f -> f.cause().equals(cause) && factBacked(f))
          || statements.stream().anyMatch(s -> cause.equals(s.cause()) && "yes".equals(s.value()))) {
        pointed = 1;
      }
    }
    if (pointed == 0 && statements.stream().anyMatch(s -> q.cause().equals(s.cause()) && "no".equals(s.value()))) {
      pointed = -1;
    }
    int lead = 0;
    for (ReportStatements.Statement s : statements) {
      if (q.id().equals(s.question()) && s.strength() == ReportStatements.Strength.LEAD) {
        String after = status(whatIf.apply(q.id(), s.value()), q.cause());
        lead = "confirmed".equals(after) ? 1 : "ruled-out".equals(after) ? -1 : 0;
      }
    }
    List<String> values = switch (q.answerKind()) {
      case "yes-no" -> List.of("yes", "no");
      case "ip-address" -> sampleIps.isEmpty() ? List.of(OUTSIDE_IP) : List.of(sampleIps.get(0), OUTSIDE_IP);
      default -> List.of();
    };
    double split = 0;
    for (String v : values) {
      Diagnosis after = whatIf.apply(q.id(), v);
      split += changed(d, after);
    }
    split = values.isEmpty() ? 0 : split / values.size();
    int index = 0;
    for (int i = 0; i < symptom.questions().size(); i++) {
      if (symptom.questions().get(i).id().equals(q.id())) {
        index = i;
      }
    }
    return new Score(q.id(), pointed, lead, split, index);
  }

  /** The causes a question bears on: the one it is asked for, and those whose KB checks name it. */
  static Set<String> causesOf(Diagnosis.OpenQuestion q, Symptom symptom) {
    Set<String> out = new LinkedHashSet<>();
    out.add(q.cause());
    for (Cause c : symptom.causes()) {
      for (Check check : c.checks()) {
        if (check instanceof Check.Manual m && m.question().equals(q.id())) {
          out.add(c.id());
        }
      }
    }
    return out;
  }

  /**
   * A suspicion a fact raised: suspected by a rule (not for want of an answer), on evidence that is
   * neither an answer nor a flow the NSGs allow (which only narrows a cause down).
   */
  static boolean factBacked(Diagnosis.CauseFinding f) {
    return "suspected".equals(f.status()) && f.rule() != null && !f.evidence().isEmpty()
        && f.evidence().stream().noneMatch(e -> e.startsWith("answer ") || e.contains("ALLOW"));
  }

  private static int changed(Diagnosis before, Diagnosis after) {
    int n = 0;
    for (Diagnosis.CauseFinding f : before.findings()) {
      if (!Objects.equals(f.status(), status(after, f.cause()))) {
        n++;
      }
    }
    return n;
  }

  private static String status(Diagnosis d, String cause) {
    return d.findings().stream().filter(f -> f.cause().equals(cause)).map(Diagnosis.CauseFinding::status).findFirst().orElse(null);
  }
}
