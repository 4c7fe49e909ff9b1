package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.BackendTargets;

import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.LivePort;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;

/**
 * What "check" may contact for a question: only the backend IPs of the load balancer under triage
 * (members of pools its rules send to), on the probe port or the backend port of those rules, as the
 * question's {@code liveCheck} in the knowledge base says; a question without one is not checked.
 */
final class CheckTargets {
  /** Most targets checked for one "check". */
  static final int MAX = 8;

  record Target(String host, int port) {}

  private CheckTargets() {}

  static boolean checkable(KnowledgeBase kb, String questionId) {
    return questionId != null && kb.question(questionId).map(Question::checkableLive).orElse(false);
  }

  /**
   * @param subject the backend IP the question is about, or {@code *} / null for all backends
   */
  static List<Target> of(KnowledgeBase kb, AzureFacts facts, String lbId, String questionId, String subject) {
    if (!checkable(kb, questionId)) {
      return List.of();
    }
    boolean probePort = kb.question(questionId).orElseThrow().liveCheck() == LivePort.PROBE_PORT;
    return BackendTargets.of(facts, lbId, probePort, subject).stream()
        .limit(MAX).map(t -> new Target(t.host(), t.port())).toList();
  }
}
