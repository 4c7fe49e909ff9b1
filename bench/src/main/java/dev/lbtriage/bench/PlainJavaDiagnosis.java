package dev.lbtriage.bench;

import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.BackendRoute;
import dev.lbtriage.rules.diagnosis.Classify;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.Verdict;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.diagnosis.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * The probe-down checks written by hand, for the benchmark's floor: the same classification
 * functions the rules call, joined with loops instead of a rule engine. Not used by the product.
 */
final class PlainJavaDiagnosis {
  private PlainJavaDiagnosis() {}

  record Result(List<String> confirmed, List<String> suspected, List<String> ruledOut, List<String> questions) {}

  static Result probeDown(AzureFacts facts, String lbId) {
    return probeDown(facts, lbId, List.of());
  }

  /** With the user's answers: those to the three yes/no questions decide as the rules do, and are not asked again. */
  static Result probeDown(AzureFacts facts, String lbId, List<Answer> answers) {
    Map<String, String> given = new HashMap<>();
    answers.forEach(a -> given.put(a.question(), a.value()));
    LoadBalancer lb = facts.loadBalancer(lbId).orElseThrow();
    List<String> confirmed = new ArrayList<>();
    List<String> suspected = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (BackendPool pool : lb.pools()) {
      for (PoolMember m : pool.members()) {
        Backend b = Classify.backend(facts, lb, pool, m);
        if (b.down()) {
          confirmed.add("vm-unhealthy " + b.ip());
          continue;
        }
        for (LoadBalancingRule r : lb.rules()) {
          if (r.probeId() == null || !Classify.sendsTo(r, pool.id())) {
            continue;
          }
          for (HealthProbe p : lb.probes()) {
            if (ArmId.same(p.id(), r.probeId())) {
              ProbeFlow f = Classify.probeFlow(facts, b, r, p);
              if (f.verdict() == Verdict.DENIED) {
                confirmed.add("probe-port-blocked " + b.ip());
              } else {
                suspected.add("probe-port-blocked " + b.ip());
              }
            }
          }
        }
        BackendRoute route = Classify.backendRoute(facts, b);
        if (route != null && route.diverted()) {
          suspected.add("probe-misconfigured " + b.ip());
        }
      }
    }
    List<String> ruledOut = new ArrayList<>();
    for (String q : List.of("vm-responds", "probe-port-listening", "guest-firewall-allows-probe")) {
      String value = given.get(q);
      if (value == null) {
        if (confirmed.isEmpty()) {
          questions.add(q);
        }
      } else if (value.equals("no")) {
        confirmed.add(q);
      } else if (value.equals("yes")) {
        ruledOut.add(q);
      } else {
        suspected.add(q);
      }
    }
    return new Result(confirmed, suspected, ruledOut, questions);
  }
}
