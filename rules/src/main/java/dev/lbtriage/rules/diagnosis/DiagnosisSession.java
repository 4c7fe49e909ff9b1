package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One triage in the rule engine: the facts of one load balancer, the symptom, and the answers so
 * far. Answers (and live check results) can be given, changed and withdrawn; what followed from an old answer is retracted by
 * the engine's truth maintenance ({@code insertLogical}). Not thread-safe; close it when done.
 */
public final class DiagnosisSession implements AutoCloseable {
  private final KieSession session;
  private final Map<String, FactHandle> answers = new HashMap<>();
  private final Map<String, FactHandle> checks = new HashMap<>();
  private final Set<String> fired = new LinkedHashSet<>();
  private final AgendaEventListener listener = new DefaultAgendaEventListener() {
    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      fired.add(event.getMatch().getRule().getName());
    }
  };
  private boolean closed;

  DiagnosisSession(KieSession session, AzureFacts facts, Triage triage) {
    this.session = session;
    session.addEventListener(listener);
    insertFacts(facts, triage);
  }

  private void insertFacts(AzureFacts facts, Triage triage) {
    session.insert(facts);
    session.insert(triage);
    for (LoadBalancer lb : facts.loadBalancers()) {
      if (!ArmId.same(lb.id(), triage.loadBalancerId())) {
        continue;
      }
      session.insert(lb);
      lb.frontends().forEach(session::insert);
      lb.probes().forEach(session::insert);
      lb.rules().forEach(session::insert);
      lb.natRules().forEach(session::insert);
      lb.pools().forEach(session::insert);
      facts.metrics().stream().filter(m -> ArmId.same(m.resourceId(), lb.id()) || m.resourceId() == null).forEach(session::insert);
      facts.healthEvents().stream().filter(e -> e.loadBalancerId() == null || ArmId.same(e.loadBalancerId(), lb.id()))
          .forEach(session::insert);
      facts.resourceHealth().stream().filter(h -> ArmId.same(h.resourceId(), lb.id())).forEach(session::insert);
    }
    facts.networkInterfaces().forEach(session::insert);
    facts.virtualMachines().forEach(session::insert);
    facts.vmScaleSets().forEach(session::insert);
    facts.missing().forEach(session::insert);
  }

  /** Gives or changes the answer to a question; an answer of {@code unknown} means "I don't know". */
  public DiagnosisSession answer(Answer answer) {
    FactHandle old = answers.get(answer.question());
    if (old != null) {
      session.update(old, answer);
    } else {
      answers.put(answer.question(), session.insert(answer));
    }
    return this;
  }

  /** Withdraws an answer, as if it had never been given. */
  public DiagnosisSession withdraw(String questionId) {
    FactHandle old = answers.remove(questionId);
    if (old != null) {
      session.delete(old);
    }
    return this;
  }

  /**
   * Gives the result of a live check, or replaces the earlier result of the same check (same
   * {@link LiveCheck#key() host:port:kind}); what followed from the earlier result is retracted.
   */
  public DiagnosisSession check(LiveCheck check) {
    FactHandle old = checks.get(check.key());
    if (old != null) {
      session.update(old, check);
    } else {
      checks.put(check.key(), session.insert(check));
    }
    return this;
  }

  /** Fires the rules and collects what they concluded, in a stable order. */
  public RuleOutcome run() {
    session.fireAllRules();
    List<Finding> findings = new ArrayList<>(objects(Finding.class));
    findings.sort(Comparator.comparing(Finding::cause).thenComparing(Finding::subject).thenComparing(Finding::rule));
    List<Ask> asks = new ArrayList<>(objects(Ask.class));
    asks.sort(Comparator.comparing(Ask::question).thenComparing(Ask::subject));
    List<SymptomSeen> seen = new ArrayList<>(objects(SymptomSeen.class));
    seen.sort(Comparator.comparing(SymptomSeen::subject));
    return new RuleOutcome(findings, asks, seen, new ArrayList<>(fired));
  }

  /** Facts of a type currently in the session (classification facts included), for tests and "why?". */
  public <T> List<T> objects(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object o : session.getObjects(type::isInstance)) {
      out.add(type.cast(o));
    }
    return out;
  }

  /** Gives the session back to the engine's pool (reset, without this diagnosis' listener); once only. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    session.removeEventListener(listener);
    session.dispose();
  }
}
