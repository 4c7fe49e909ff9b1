package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.kb.load.Placeholders;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.HowToCheck;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.kb.model.SupportCapture;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.Ask;
import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.BackendRoute;
import dev.lbtriage.rules.diagnosis.DataFlow;
import dev.lbtriage.rules.diagnosis.DiagnosisSession;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.ScaleSetProbe;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnoses one load balancer for one symptom: the rules decide, the knowledge base explains.
 * Thread-safe; each call opens a rule session of its own.
 */
public final class Diagnoser {
  private final KnowledgeBase kb;
  private final RuleEngine rules;

  public Diagnoser(KnowledgeBase kb, RuleEngine rules) {
    this.kb = kb;
    this.rules = rules;
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /**
   * @param facts the facts of the load balancer (from a snapshot or Azure)
   * @param lbIdOrName the load balancer, by ARM id or name
   * @param symptomId a KB symptom id
   * @param score how well the user's report matched the symptom, null when chosen by id
   * @param answers answers already read with {@link AnswerParser}
   * @throws IllegalArgumentException for an unknown symptom or load balancer
   */
  public Diagnosis diagnose(AzureFacts facts, String lbIdOrName, String symptomId, Double score, Collection<Answer> answers) {
    return diagnose(facts, lbIdOrName, symptomId, score, answers, List.of());
  }

  /**
   * As {@link #diagnose(AzureFacts, String, String, Double, Collection)}, with the results of live
   * checks run for the user (see {@code dev.lbtriage.engine.check.LiveChecks}); a later check with
   * the same host, port and kind replaces an earlier one.
   */
  public Diagnosis diagnose(AzureFacts facts, String lbIdOrName, String symptomId, Double score, Collection<Answer> answers,
      Collection<LiveCheck> checks) {
    Symptom symptom = kb.symptom(symptomId)
        .orElseThrow(() -> new IllegalArgumentException("unknown symptom '" + symptomId + "'; known: "
            + kb.symptoms().stream().map(Symptom::id).toList()));
    LoadBalancer lb = facts.loadBalancer(lbIdOrName)
        .orElseThrow(() -> new IllegalArgumentException("no load balancer '" + lbIdOrName + "' in the facts"));
    try (DiagnosisSession session = rules.open(facts, new Triage(symptom.id(), lb.id()))) {
      answers.forEach(session::answer);
      checks.forEach(session::check);
      RuleOutcome out = session.run();
      Context ctx = new Context(facts, lb, session, answers);
      List<Diagnosis.CauseFinding> findings = symptom.causes().stream().map(c -> merge(c, out)).toList();
      boolean anyConfirmed = findings.stream().anyMatch(f -> f.status().equals(Status.CONFIRMED.id()));
      List<Diagnosis.Remediation> remediation = new ArrayList<>();
      for (Diagnosis.CauseFinding f : findings) {
        boolean relevant = f.status().equals(Status.CONFIRMED.id()) || (!anyConfirmed && f.status().equals(Status.SUSPECTED.id()));
        if (relevant) {
          Cause cause = symptom.causes().stream().filter(c -> c.id().equals(f.cause())).findFirst().orElseThrow();
          remediation.add(remediation(cause, f, ctx.valuesFor(cause.id(), f.subjects())));
        }
      }
      Map<String, String> base = ctx.valuesFor(null, subjectsOf(findings, out)).asMap();
      List<Diagnosis.SupportStep> support = symptom.supportCase().stream().map(s -> support(s, base)).toList();
      return new Diagnosis(new Diagnosis.SymptomRef(symptom.id(), score, symptom.title()), lb.id(), findings,
          questions(symptom, out, ctx), remediation, out.seen().stream().map(s -> s.evidence()).toList(), support,
          facts.missing().stream().map(m -> m.kind() + " " + m.reference() + " (referenced by " + m.referencedBy() + "): " + m.reason()).toList(),
          facts.problems().stream().map(Object::toString).toList(),
          session.objects(dev.lbtriage.rules.diagnosis.Notice.class).stream()
              .sorted(Comparator.comparing(dev.lbtriage.rules.diagnosis.Notice::kind)
                  .thenComparing(dev.lbtriage.rules.diagnosis.Notice::subject).thenComparing(dev.lbtriage.rules.diagnosis.Notice::text))
              .map(dev.lbtriage.rules.diagnosis.Notice::text).distinct().toList());
    }
  }

  /** The backends that matter most: those of confirmed causes, then those the questions are about. */
  private static List<String> subjectsOf(List<Diagnosis.CauseFinding> findings, RuleOutcome out) {
    List<String> subjects = new ArrayList<>();
    findings.stream().filter(f -> f.status().equals(Status.CONFIRMED.id())).forEach(f -> subjects.addAll(f.subjects()));
    out.seen().forEach(s -> subjects.add(s.subject()));
    out.asks().forEach(a -> subjects.add(a.subject()));
    return subjects.stream().distinct().toList();
  }

  /** The strongest status of a cause's findings wins; nothing found means suspected, never confirmed. */
  private static Diagnosis.CauseFinding merge(Cause cause, RuleOutcome out) {
    List<Finding> mine = out.findings().stream().filter(f -> f.cause().equals(cause.id())).toList();
    if (mine.isEmpty()) {
      List<String> waiting = out.asks().stream().filter(a -> a.cause().equals(cause.id())).map(Ask::question).distinct().toList();
      String why = waiting.isEmpty() ? "not decided: no fact or answer decides it yet"
          : "not decided yet: waiting for the answer to " + String.join(", ", waiting);
      return new Diagnosis.CauseFinding(cause.id(), cause.title(), Status.SUSPECTED.id(), List.of(why), null, List.of());
    }
    Status strongest = mine.stream().map(Finding::status).max(Comparator.naturalOrder()).orElseThrow();
    List<Finding> decisive = mine.stream().filter(f -> f.status() == strongest).toList();
    LinkedHashSet<String> evidence = new LinkedHashSet<>();
    decisive.forEach(f -> evidence.addAll(f.evidence()));
    return new Diagnosis.CauseFinding(cause.id(), cause.title(), strongest.id(), List.copyOf(evidence), decisive.get(0).rule(),
        decisive.stream().map(Finding::subject).distinct().toList());
  }

  private List<Diagnosis.OpenQuestion> questions(Symptom symptom, RuleOutcome out, Context ctx) {
    List<Diagnosis.OpenQuestion> list = new ArrayList<>();
    for (Question q : symptom.questions()) {
      List<Ask> asks = out.asks().stream().filter(a -> a.question().equals(q.id())).toList();
      if (asks.isEmpty()) {
        continue;
      }
      Ask first = asks.get(0);
      Map<String, String> values = ctx.valuesFor(first.cause(), List.of(first.subject())).asMap();
      list.add(new Diagnosis.OpenQuestion(q.id(), Placeholders.fill(q.text(), values), q.why(), how(q.how(), values),
          first.subject(), first.cause(), kebab(q.answer().name())));
    }
    return list;
  }

  private static Diagnosis.Remediation remediation(Cause cause, Diagnosis.CauseFinding f, PlaceholderValues values) {
    Map<String, String> v = values.asMap();
    return new Diagnosis.Remediation(cause.id(), f.status(), cause.resolution().stream().map(s -> Placeholders.fill(s, v)).toList(),
        cause.commands().stream().map(c -> "# " + c.description() + "\n" + Placeholders.fill(c.command(), v)).toList());
  }

  private static Diagnosis.SupportStep support(SupportCapture s, Map<String, String> values) {
    return new Diagnosis.SupportStep(s.id(), s.title(), s.steps().stream().map(x -> Placeholders.fill(x, values)).toList(),
        how(s.how(), values));
  }

  static String how(HowToCheck how, Map<String, String> values) {
    if (how == null) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    if (how.windows() != null) {
      lines.add("Windows: " + Placeholders.fill(how.windows(), values));
    }
    if (how.linux() != null) {
      lines.add("Linux: " + Placeholders.fill(how.linux(), values));
    }
    if (how.portal() != null) {
      lines.add("Azure: " + Placeholders.fill(how.portal(), values));
    }
    return String.join("\n", lines);
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The facts a text is filled from: the load balancer, the backend concerned, what decided the cause. */
  private record Context(AzureFacts facts, LoadBalancer lb, DiagnosisSession session, Collection<Answer> answers) {
    PlaceholderValues valuesFor(String causeId, List<String> subjects) {
      PlaceholderValues v = PlaceholderValues.of(facts, lb);
      answers.stream().filter(a -> a.question().equals("client-ip") && a.known()).findFirst().ifPresent(a -> v.put("clientIp", a.value()));
      Optional<Backend> backend = subjects.stream().flatMap(s -> session.objects(Backend.class).stream().filter(b -> b.ip().equals(s)))
          .findFirst().or(() -> session.objects(Backend.class).stream().min(Comparator.comparing(Backend::ip)));
      backend.ifPresent(b -> v.backend(facts, lb, b));
      String ip = backend.map(Backend::ip).orElse(null);
      if ("probe-port-blocked".equals(causeId)) {
        session.objects(ProbeFlow.class).stream().filter(p -> p.deciding() != null && (ip == null || p.backendIp().equals(ip)))
            .findFirst().ifPresent(p -> v.deciding(p.deciding()));
      }
      if ("data-port-blocked".equals(causeId)) {
        session.objects(DataFlow.class).stream().filter(p -> p.deciding() != null && (ip == null || p.backendIp().equals(ip)))
            .findFirst().ifPresent(p -> v.deciding(p.deciding()));
      }
      if ("probe-misconfigured".equals(causeId)) {
        session.objects(BackendRoute.class).stream().filter(r -> r.diverted() && (ip == null || r.backendIp().equals(ip)))
            .findFirst().ifPresent(v::route);
      }
      session.objects(ScaleSetProbe.class).stream().findFirst().ifPresent(v::scaleSet);
      return v;
    }
  }
}
