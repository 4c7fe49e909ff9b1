package dev.lbtriage.engine.conversation;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.PoolMember;
import java.util.LinkedHashSet;
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
    LoadBalancer lb = facts.loadBalancer(lbId).orElse(null);
    if (lb == null) {
      return List.of();
    }
    boolean probePort = !"data-port-listening".equals(questionId);
    boolean all = subject == null || subject.isBlank() || "*".equals(subject);
    Set<Target> targets = new LinkedHashSet<>();
    for (LoadBalancingRule rule : lb.rules()) {
      for (BackendPool pool : lb.pools()) {
        if (rule.backendPoolIds().stream().noneMatch(p -> ArmId.same(p, pool.id()))) {
          continue;
        }
        for (PoolMember m : pool.members()) {
          if (m.ipAddress() == null || (!all && !m.ipAddress().equals(subject))) {
            continue;
          }
          if (probePort) {
            lb.probes().stream().filter(p -> rule.probeId() != null && ArmId.same(p.id(), rule.probeId())).map(HealthProbe::port)
                .filter(port -> port > 0 && port <= 65535).forEach(port -> targets.add(new Target(m.ipAddress(), port)));
          } else if (rule.backendPort() > 0 && rule.backendPort() <= 65535) {
            targets.add(new Target(m.ipAddress(), rule.backendPort()));
          }
        }
      }
    }
    return targets.stream().limit(MAX).toList();
  }
}
