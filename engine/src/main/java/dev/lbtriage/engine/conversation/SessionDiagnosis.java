package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.Optional;

/**
 * The diagnosis a saved conversation stands at, as the conversation itself makes it (answers given
 * and implied, live checks, evidence citing where each answer came from), for tools outside the
 * conversation such as the support-case bundle.
 */
public final class SessionDiagnosis {
  private SessionDiagnosis() {}

  /**
   * @return empty while the conversation has no symptom or load balancer yet
   * @throws IllegalArgumentException when the facts do not hold its load balancer
   */
  public static Optional<Diagnosis> diagnosis(Diagnoser diagnoser, AzureFacts facts, ConversationState s) {
    if (s.symptomId() == null || s.loadBalancer() == null) {
      return Optional.empty();
    }
    Implications rules = Implications.of(diagnoser.knowledgeBase());
    Diagnosis d = diagnoser.diagnose(facts, s.loadBalancer(), s.symptomId(), s.symptomScore(), Answers.effective(s, rules),
        s.checks().stream().map(RecordedCheck::toLiveCheck).toList());
    return Optional.of(Answers.cited(d, s, rules));
  }
}
