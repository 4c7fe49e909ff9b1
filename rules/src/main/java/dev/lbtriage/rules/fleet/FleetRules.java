package dev.lbtriage.rules.fleet;

import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The fleet hygiene rules ({@code fleet-hygiene.drl}), a KieBase of their own built from the
 * executable model: one session checks every load balancer of a scan at once. Thread-safe.
 */
public final class FleetRules {
  public static final String PACKAGE = "dev.lbtriage.rules.fleet";

  private final KieBase kieBase;

  public FleetRules(KieBase kieBase) {
    this.kieBase = kieBase;
  }

  public static FleetRules fromClasspath() {
    return new FleetRules(RuleEngine.kieBaseOf(PACKAGE));
  }

  /** Runs the checks over these load balancers; the findings sorted by load balancer, check, subject. */
  public List<HygieneFinding> check(Collection<FleetLoadBalancer> loadBalancers) {
    KieSession session = kieBase.newKieSession();
    try {
      session.insert(new FleetScan());
      loadBalancers.forEach(session::insert);
      session.fireAllRules();
      List<HygieneFinding> out = new ArrayList<>();
      for (Object o : session.getObjects(HygieneFinding.class::isInstance)) {
        out.add((HygieneFinding) o);
      }
      out.sort(Comparator.comparing(HygieneFinding::loadBalancerId, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(HygieneFinding::check).thenComparing(HygieneFinding::subject).thenComparing(HygieneFinding::evidence));
      return out;
    } finally {
      session.dispose();
    }
  }
}
