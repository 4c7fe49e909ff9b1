package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.BackendTargets;

import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import java.util.Set;

/**
 * What "check" may contact for a question: only the backend IPs of the load balancer under triage
 * (members of pools its rules send to), on the probe port ({@code probe-port-listening},
 * {@code vm-responds}) or the backend port ({@code data-port-listening}) of those rules.
 */
final class CheckTargets {
  static final Set<String> QUESTIONS = Set.of("probe-port-listening", "vm-responds", "data-port-listening");
  /** Most targets checked for one "check". */
  static final int MAX = 8;

  record Target(String host, int port) {}

  private CheckTargets() {}

  static boolean checkable(String questionId) {
    return QUESTIONS.contains(questionId);
  }

  /**
   * @param subject the backend IP the question is about, or {@code *} / null for all backends
   */
  static List<Target> of(AzureFacts facts, String lbId, String questionId, String subject) {
    if (!checkable(questionId)) {
      return List.of();
    }
    return BackendTargets.of(facts, lbId, !"data-port-listening".equals(questionId), subject).stream()
        .limit(MAX).map(t -> new Target(t.host(), t.port())).toList();
  }
}
