package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One triage in the rule engine: the facts of one load balancer, the symptom, and the answers so
 * far. Answers (and live check results) can be given, changed and withdrawn; what followed from an old answer is retracted by
 * the engine's truth maintenance ({@code insertLogical}), so a session kept open across the turns of a
 * conversation gets only what changed each turn ({@link #answers}, {@link #checks}; see {@link RuleEngine#resume}).
 * Not thread-safe; close it when done.
 */
public final class DiagnosisSession implements AutoCloseable {
  private final KieSession session;
  private final Consumer<DiagnosisSession> onClose;
  private final Map<String, FactHandle> answers = new HashMap<>();
  private final Map<String, Answer> given = new HashMap<>();
  private final Map<String, FactHandle> checks = new HashMap<>();
  private final Map<String, LiveCheck> checked = new HashMap<>();
  private final Set<String> fired = new LinkedHashSet<>();
  private final AgendaEventListener listener = new DefaultAgendaEventListener() {
    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      fired.add(event.getMatch().getRule().getName());
    }
  };
  /** The conclusions in the session, kept as the engine inserts and retracts them (no scan of all facts per run). */
  private final Map<FactHandle, Object> conclusions = new HashMap<>();
  private final RuleRuntimeEventListener watcher = new RuleRuntimeEventListener() {
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (concludes(event.getObject())) {
        conclusions.put(event.getFactHandle(), event.getObject());
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
      if (concludes(event.getObject())) {
        conclusions.put(event.getFactHandle(), event.getObject());
      } else {
        conclusions.remove(event.getFactHandle());
      }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      conclusions.remove(event.getFactHandle());
    }
  };
  private final AzureFacts facts;
  private final String loadBalancerId;
  /** The classification that depends on the client's address, as in the session ({@link #client}). */
  private List<Object> clientClassified;
  private Map<Object, FactHandle> clientHandles = new LinkedHashMap<>();
  /** The outcome of the last {@link #run}, while nothing was given, changed or withdrawn since. */
  private RuleOutcome last;
  private boolean closed;

  DiagnosisSession(KieSession session, AzureFacts facts, List<Triage> triages, Consumer<DiagnosisSession> onClose) {
    this.session = session;
    this.onClose = onClose;
    this.facts = facts;
    this.loadBalancerId = triages.get(0).loadBalancerId();
    session.addEventListener(listener);
    session.addEventListener(watcher);
    insertFacts(facts, triages);
  }

  private void insertFacts(AzureFacts facts, List<Triage> triages) {
    session.insert(facts);
    triages.forEach(session::insert);
    for (LoadBalancer lb : facts.loadBalancers()) {
      if (!ArmId.same(lb.id(), loadBalancerId)) {
        continue;
      }
      session.insert(lb);
      lb.frontends().forEach(session::insert);
      lb.probes().forEach(session::insert);
      lb.rules().forEach(session::insert);
      lb.natRules().forEach(session::insert);
      lb.pools().forEach(session::insert);
    }
    Classification.metrics(facts, loadBalancerId).forEach(session::insert);
    Classification.healthEvents(facts, loadBalancerId).forEach(session::insert);
    Classification.resourceHealth(facts, loadBalancerId).forEach(session::insert);
    facts.networkInterfaces().forEach(session::insert);
    facts.virtualMachines().forEach(session::insert);
    facts.vmScaleSets().forEach(session::insert);
    facts.missing().forEach(session::insert);
    // classification, in Java once per set of facts (Classification): what the symptom rules decide from
    Set<Object> classified = new LinkedHashSet<>(Classification.ofFacts(facts, loadBalancerId));
    classified.addAll(Classification.ofTriages(facts, loadBalancerId, triages));
    classified.forEach(session::insert);
    client(null);
  }

  /**
   * Makes the classification that depends on the client's address ({@link Classification#ofClient}) that of this
   * answer to {@link Classification#CLIENT_IP} (null: none given): what no longer holds is withdrawn, what is new
   * inserted, what stays is left alone.
   */
  private void client(Answer answer) {
    List<Object> wanted = Classification.ofClient(facts, loadBalancerId, answer);
    if (wanted == clientClassified) {
      return;
    }
    Map<Object, FactHandle> next = new LinkedHashMap<>();
    for (Object o : wanted) {
      FactHandle h = clientHandles.remove(o);
      next.put(o, h != null ? h : session.insert(o));
    }
    clientHandles.values().forEach(session::delete);
    clientHandles = next;
    clientClassified = wanted;
  }

  /** Gives or changes the answer to a question; an answer of {@code unknown} means "I don't know". */
  public DiagnosisSession answer(Answer answer) {
    if (answer.equals(given.get(answer.question()))) {
      return this;
    }
    FactHandle old = answers.get(answer.question());
    if (old != null) {
      session.update(old, answer);
    } else {
      answers.put(answer.question(), session.insert(answer));
    }
    given.put(answer.question(), answer);
    if (answer.question().equals(Classification.CLIENT_IP)) {
      client(answer);
    }
    last = null;
    return this;
  }

  /**
   * Makes these the answers in force, as if they alone had been given in this order (a later answer to the
   * same question wins): answers no longer among them are withdrawn, changed ones updated, the same ones
   * left alone, so the engine re-evaluates only what depends on what changed.
   */
  public DiagnosisSession answers(Collection<Answer> inForce) {
    Map<String, Answer> wanted = new LinkedHashMap<>();
    inForce.forEach(a -> wanted.put(a.question(), a));
    for (String question : List.copyOf(given.keySet())) {
      if (!wanted.containsKey(question)) {
        withdraw(question);
      }
    }
    wanted.values().forEach(this::answer);
    return this;
  }

  /** Withdraws an answer, as if it had never been given. */
  public DiagnosisSession withdraw(String questionId) {
    FactHandle old = answers.remove(questionId);
    given.remove(questionId);
    if (old != null) {
      session.delete(old);
      if (questionId.equals(Classification.CLIENT_IP)) {
        client(null);
      }
      last = null;
    }
    return this;
  }

  /**
   * Gives the result of a live check, or replaces the earlier result of the same check (same
   * {@link LiveCheck#key() host:port:kind}); what followed from the earlier result is retracted.
   */
  public DiagnosisSession check(LiveCheck check) {
    if (check.equals(checked.get(check.key()))) {
      return this;
    }
    FactHandle old = checks.get(check.key());
    if (old != null) {
      session.update(old, check);
    } else {
      checks.put(check.key(), session.insert(check));
    }
    checked.put(check.key(), check);
    last = null;
    return this;
  }

  /** Makes these the live check results in force (a later result of the same check wins); the others are withdrawn. */
  public DiagnosisSession checks(Collection<LiveCheck> inForce) {
    Map<String, LiveCheck> wanted = new LinkedHashMap<>();
    inForce.forEach(c -> wanted.put(c.key(), c));
    for (String key : List.copyOf(checked.keySet())) {
      if (!wanted.containsKey(key)) {
        checked.remove(key);
        session.delete(checks.remove(key));
        last = null;
      }
    }
    wanted.values().forEach(this::check);
    return this;
  }

  /**
   * Fires the rules and collects what they concluded, in a stable order. {@code firedRules} names the rules
   * that fired in this run (on a session resumed for a later turn: those that fired for what changed).
   */
  public RuleOutcome run() {
    if (last != null) {
      return last;
    }
    fired.clear();
    session.fireAllRules();
    List<Finding> findings = new ArrayList<>();
    List<Ask> asks = new ArrayList<>();
    List<SymptomSeen> seen = new ArrayList<>();
    for (Object o : conclusions.values()) {
      if (o instanceof Finding f) {
        findings.add(f);
      } else if (o instanceof Ask a) {
        asks.add(a);
      } else {
        seen.add((SymptomSeen) o);
      }
    }
    // total orders: the order the engine holds its facts in depends on the session's history (a pooled session
    // reset, or one kept between turns), so ties are broken by content, never left to that order
    findings.sort(Comparator.comparing(Finding::cause).thenComparing(Finding::subject).thenComparing(Finding::rule)
        .thenComparing(f -> String.join("\n", f.evidence())));
    asks.sort(Comparator.comparing(Ask::question).thenComparing(Ask::subject).thenComparing(Ask::cause).thenComparing(Ask::rule));
    seen.sort(Comparator.comparing(SymptomSeen::subject).thenComparing(SymptomSeen::symptom).thenComparing(SymptomSeen::evidence));
    last = new RuleOutcome(findings, asks, seen, new ArrayList<>(fired));
    return last;
  }

  private static boolean concludes(Object o) {
    return o instanceof Finding || o instanceof Ask || o instanceof SymptomSeen;
  }

  /** Facts of a type currently in the session (classification facts included), for tests and "why?". */
  public <T> List<T> objects(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object o : session.getObjects(type::isInstance)) {
      out.add(type.cast(o));
    }
    return out;
  }

  /**
   * Done with this diagnosis: a session from {@link RuleEngine#open} goes back to the engine's pool (reset,
   * without this diagnosis' listener); one from {@link RuleEngine#resume} is kept, as it is, for the next
   * diagnosis of the same facts and triage. Once only.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(this);
  }

  /** Reopens a session kept by {@link RuleEngine#resume}. */
  DiagnosisSession reopen() {
    closed = false;
    return this;
  }

  /** Gives the Drools session back to the pool, reset. */
  void dispose() {
    session.removeEventListener(listener);
    session.removeEventListener(watcher);
    session.dispose();
  }
}
