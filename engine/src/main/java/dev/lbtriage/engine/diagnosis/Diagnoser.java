package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.CliCommand;
import dev.lbtriage.kb.model.ResolutionStep;
import dev.lbtriage.kb.model.HowToCheck;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.kb.model.SupportCapture;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.Ask;
import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.DiagnosisSession;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.ScaleSetProbe;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Diagnoses one load balancer for one symptom: the rules decide, the knowledge base explains.
 * Thread-safe; each call opens a rule session of its own.
 */
public final class Diagnoser {
  /** How a note about a left-out fix command begins, so a face can show it with the fix. */
  public static final String FIX_NOTE = "the fix command '";
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
    try (DiagnosisSession session = rules.resume(facts, new Triage(symptom.id(), lb.id()))) {
      session.answers(answers);
      session.checks(checks);
      return explain(symptom, score, facts, lb, session, session.run(), answers, cause -> true, false);
    }
  }

  /** What a fleet scan found for one symptom of one load balancer: the findings it reports, and their text. */
  public record Scanned(String symptom, List<Finding> findings, Diagnosis diagnosis) {}

  /**
   * A fleet scan of one load balancer (issue 20): the rules of these symptoms run once, together, with no answer
   * ({@link RuleEngine#openAll}); for each symptom with findings {@code report} accepts, those findings and the
   * symptom's diagnosis with the fix filled in for their causes only (no questions, no support steps: a scan
   * asks nothing). The rules run once; the knowledge base only explains what they concluded.
   */
  public List<Scanned> scan(AzureFacts facts, LoadBalancer lb, List<String> symptomIds, Predicate<Finding> report) {
    List<Symptom> symptoms = symptomIds.stream().map(id -> kb.symptom(id)
        .orElseThrow(() -> new IllegalArgumentException("unknown symptom '" + id + "'"))).toList();
    try (DiagnosisSession session = rules.openAll(facts, lb.id(), symptomIds)) {
      RuleOutcome out = session.run();
      List<Scanned> scanned = new ArrayList<>();
      for (Symptom symptom : symptoms) {
        Set<String> causes = symptom.causes().stream().map(Cause::id).collect(Collectors.toSet());
        List<Finding> found = out.findings().stream().filter(f -> causes.contains(f.cause()) && report.test(f)).toList();
        if (found.isEmpty()) {
          continue;
        }
        Set<String> reported = found.stream().map(Finding::cause).collect(Collectors.toSet());
        scanned.add(new Scanned(symptom.id(), found,
            explain(symptom, null, facts, lb, session, out, List.of(), reported::contains, true)));
      }
      return scanned;
    }
  }

  /**
   * The diagnosis of one symptom from a session whose rules have run ({@code out}): the rules decide, the knowledge
   * base explains. The fix is filled in only for the causes {@code fixFor} accepts (a fleet scan needs it for the
   * causes it reports, a diagnosis for all); for a {@code scan} (a session of several symptoms, no answer), only those
   * causes' findings are kept (the others' "waiting for" would name the questions of a several-symptom session), and
   * the questions, what shows the symptom and the support steps are left out.
   */
  private Diagnosis explain(Symptom symptom, Double score, AzureFacts facts, LoadBalancer lb, DiagnosisSession session, RuleOutcome out,
      Collection<Answer> answers, Predicate<String> fixFor, boolean scan) {
    Context ctx = new Context(kb, facts, lb, session, out, answers);
    List<Diagnosis.CauseFinding> findings = symptom.causes().stream().map(c -> merge(c, out)).toList();
    Diagnosis.Health health = HealthCheck.of(symptom, session, findings);
    List<Diagnosis.Remediation> remediation = new ArrayList<>();
    for (Diagnosis.CauseFinding f : findings) {
      boolean relevant = f.status().equals(Status.CONFIRMED.id()) || (!health.healthy() && f.status().equals(Status.SUSPECTED.id()));
      if (relevant && fixFor.test(f.cause())) {
        Cause cause = symptom.causes().stream().filter(c -> c.id().equals(f.cause())).findFirst().orElseThrow();
        remediation.add(remediation(cause, f.status(), new Filler(ctx.valuesFor(cause.id(), f.subjects()))));
      }
    }
    List<Diagnosis.OpenQuestion> questions = scan || health.healthy() && HealthCheck.settlesQuestions(symptom) ? List.of()
        : questions(symptom, out, ctx);
    List<Diagnosis.SupportStep> support = List.of();
    if (!scan) {
      Filler base = new Filler(ctx.valuesFor(null, subjectsOf(findings, out)));
      support = symptom.supportCase().stream().map(s -> support(s, base)).toList();
    }
    List<Diagnosis.CauseFinding> shown = scan ? findings.stream().filter(f -> fixFor.test(f.cause())).toList() : findings;
    return new Diagnosis(new Diagnosis.SymptomRef(symptom.id(), score, symptom.title()), lb.id(), shown,
        questions, remediation, scan ? List.of() : out.seen().stream().map(s -> s.evidence()).toList(), support,
        facts.missing().stream().map(m -> m.kind() + " " + m.reference() + " (referenced by " + m.referencedBy() + "): " + m.reason()).toList(),
        facts.problems().stream().map(Object::toString).toList(), health, notices(session));
  }

  /** What the rules noticed that is not a cause (a retired SKU, SNAT exhaustion, an address not evaluated), in a stable order. */
  private static List<String> notices(DiagnosisSession session) {
    return session.objects(dev.lbtriage.rules.diagnosis.Notice.class).stream()
        .sorted(Comparator.comparing(dev.lbtriage.rules.diagnosis.Notice::kind)
            .thenComparing(dev.lbtriage.rules.diagnosis.Notice::subject).thenComparing(dev.lbtriage.rules.diagnosis.Notice::text))
        .map(dev.lbtriage.rules.diagnosis.Notice::text).distinct().toList();
  }

  /**
   * Every text of a symptom filled for one load balancer as if each cause were confirmed and each
   * question asked: what a face could ever show for it. For the checks that no placeholder and no
   * advice the facts contradict reaches anyone (the KB lint over the examples).
   */
  public Diagnosis everyText(AzureFacts facts, String lbIdOrName, String symptomId, Collection<Answer> answers) {
    Symptom symptom = kb.symptom(symptomId).orElseThrow(() -> new IllegalArgumentException("unknown symptom '" + symptomId + "'"));
    LoadBalancer lb = facts.loadBalancer(lbIdOrName)
        .orElseThrow(() -> new IllegalArgumentException("no load balancer '" + lbIdOrName + "' in the facts"));
    try (DiagnosisSession session = rules.open(facts, new Triage(symptom.id(), lb.id()))) {
      answers.forEach(session::answer);
      RuleOutcome out = session.run();
      Context ctx = new Context(kb, facts, lb, session, out, answers);
      List<Diagnosis.CauseFinding> findings = symptom.causes().stream().map(c -> merge(c, out)).toList();
      List<Diagnosis.Remediation> remediation = new ArrayList<>();
      List<Diagnosis.OpenQuestion> questions = new ArrayList<>();
      for (Cause cause : symptom.causes()) {
        List<String> subjects = findings.stream().filter(f -> f.cause().equals(cause.id())).flatMap(f -> f.subjects().stream()).toList();
        remediation.add(remediation(cause, Status.CONFIRMED.id(), new Filler(ctx.valuesFor(cause.id(), subjects))));
      }
      for (Question q : symptom.questions()) {
        questions.add(question(q, null, "*", new Filler(ctx.valuesFor(null, List.of()))));
      }
      Filler base = new Filler(ctx.valuesFor(null, List.of()));
      return new Diagnosis(new Diagnosis.SymptomRef(symptom.id(), null, symptom.title()), lb.id(), findings, questions, remediation,
          List.of(), symptom.supportCase().stream().map(s -> support(s, base)).toList(), List.of(), List.of(),
          HealthCheck.of(symptom, session, findings), notices(session));
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
      return new Diagnosis.CauseFinding(cause.id(), cause.title(), Status.SUSPECTED.id(), List.of(why), null, List.of(),
          cause.pathHop());
    }
    Status strongest = mine.stream().map(Finding::status).max(Comparator.naturalOrder()).orElseThrow();
    // a stable order whatever order the rule engine fired in (by backend, rule, then evidence)
    List<Finding> decisive = mine.stream().filter(f -> f.status() == strongest)
        .sorted(Comparator.comparing((Finding f) -> String.valueOf(f.subject())).thenComparing(f -> String.valueOf(f.rule()))
            .thenComparing(f -> String.join("\n", f.evidence())))
        .toList();
    LinkedHashSet<String> evidence = new LinkedHashSet<>();
    decisive.forEach(f -> evidence.addAll(f.evidence()));
    return new Diagnosis.CauseFinding(cause.id(), cause.title(), strongest.id(), List.copyOf(evidence), decisive.get(0).rule(),
        decisive.stream().map(Finding::subject).distinct().toList(),
        decisive.stream().map(f -> Concerns.hop(f.about())).filter(h -> h != null).findFirst().orElse(cause.pathHop()));
  }

  private List<Diagnosis.OpenQuestion> questions(Symptom symptom, RuleOutcome out, Context ctx) {
    List<Diagnosis.OpenQuestion> list = new ArrayList<>();
    for (Question q : symptom.questions()) {
      List<Ask> asks = out.asks().stream().filter(a -> a.question().equals(q.id())).toList();
      if (asks.isEmpty()) {
        continue;
      }
      Ask first = asks.get(0);
      list.add(question(q, first.cause(), first.subject(), new Filler(ctx.valuesFor(first.cause(), List.of(first.subject())))));
    }
    return list;
  }

  /** A question in the wording for this load balancer (its variant when one applies), filled in. */
  private static Diagnosis.OpenQuestion question(Question q, String cause, String subject, Filler f) {
    Optional<Question.Variant> v = q.variant(f::holds);
    String text = v.map(Question.Variant::text).filter(t -> t != null).orElse(q.text());
    String why = v.map(Question.Variant::why).filter(t -> t != null).orElse(q.why());
    HowToCheck how = v.map(Question.Variant::how).filter(h -> h != null).orElse(q.how());
    return new Diagnosis.OpenQuestion(q.id(), f.always(text), f.always(why), f.how(how), subject, cause, kebab(q.answer().name()));
  }

  private static Diagnosis.Remediation remediation(Cause cause, String status, Filler f) {
    List<String> steps = new ArrayList<>();
    for (ResolutionStep s : cause.resolution()) {
      f.fill(s.text(), s.when(), "a step (" + shortText(s.text()) + ")").ifPresent(steps::add);
    }
    List<Diagnosis.Command> commands = new ArrayList<>();
    for (CliCommand c : cause.commands()) {
      f.fill(c.command(), c.when(), (c.fix() ? FIX_NOTE : "the command '") + c.description() + "'")
          .ifPresent(cmd -> commands.add(new Diagnosis.Command(c.description(), cmd, c.fix())));
    }
    return new Diagnosis.Remediation(cause.id(), status, steps, commands, f.notes());
  }

  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{[^{}]*}");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  /** The short form of each step's text (the knowledge base's texts are few; the same ones come back for every diagnosis). */
  private static final Map<String, String> SHORT = new java.util.concurrent.ConcurrentHashMap<>();

  private static String shortText(String text) {
    return SHORT.computeIfAbsent(text, t -> {
      String plain = PLACEHOLDER.matcher(t).replaceAll("...");
      String[] words = SPACES.split(plain);
      return words.length <= 8 ? plain : String.join(" ", java.util.Arrays.copyOf(words, 8)) + " ...";
    });
  }

  private static Diagnosis.SupportStep support(SupportCapture s, Filler f) {
    List<String> steps = new ArrayList<>();
    s.steps().forEach(x -> f.fill(x, null, "a support step").ifPresent(steps::add));
    return new Diagnosis.SupportStep(s.id(), s.title(), steps, f.how(s.how()));
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * The facts a text is filled from: the load balancer, the backend concerned, the answers whose question says which
   * placeholders they fill (the KB's {@code fills}), and what the cause's findings are about (the NSG rule that denied
   * a flow, the route that diverts: {@link Finding#about()}).
   */
  private record Context(KnowledgeBase kb, AzureFacts facts, LoadBalancer lb, DiagnosisSession session, RuleOutcome out,
      Collection<Answer> answers) {
    PlaceholderValues valuesFor(String causeId, List<String> subjects) {
      PlaceholderValues v = PlaceholderValues.of(facts, lb);
      for (Answer a : answers) {
        if (a.known()) {
          kb.question(a.question()).ifPresent(q -> q.fills().forEach(p -> v.put(p.token(), a.value())));
        }
      }
      Comparator<Backend> byIp = Comparator.comparing(Backend::ip).thenComparing(b -> String.valueOf(b.poolId()))
          .thenComparing(b -> String.valueOf(b.nicId()));
      Optional<Backend> backend = subjects.stream().flatMap(s -> session.objects(Backend.class).stream().filter(b -> b.ip().equals(s))
          .sorted(byIp)).findFirst().or(() -> session.objects(Backend.class).stream().min(byIp));
      backend.ifPresent(b -> v.backend(facts, lb, b));
      String ip = backend.map(Backend::ip).orElse(null);
      Concerns about = Concerns.of(out.findings().stream().filter(f -> f.cause().equals(causeId)).map(Finding::about), ip);
      about.probeDeciding().ifPresent(p -> v.deciding(p.deciding()));
      about.dataDeciding().ifPresent(p -> v.deciding(p.deciding()));
      // the clients as the verdict saw them: the answer's address, else every client, which an allow rule writes as the
      // service tag the clients come from (never "any client", which Azure would refuse)
      about.dataDenied().ifPresent(p -> {
        if (!v.has("clientSource")) {
          v.put("clientSource", p.specificClient() ? p.source() : lb.rules().stream().filter(r -> ArmId.same(r.id(), p.ruleId()))
              .findFirst().map(r -> dev.lbtriage.rules.diagnosis.TrafficFlows.clientTag(lb, r))
              .orElse(lb.internal() ? "VirtualNetwork" : "Internet"));
        }
      });
      about.divertingRoute().ifPresent(r -> v.route(facts, r, backend.flatMap(b -> subnetOf(b)).orElse(null)));
      session.objects(ScaleSetProbe.class).stream()
          .sorted(Comparator.comparing((ScaleSetProbe p) -> subjects.stream().noneMatch(s -> s.equals(p.ruleName())
              || ArmId.same(s, p.ruleId()) || ArmId.same(s, p.vmssId()) || s.equals(ArmId.name(p.vmssId()))))
              .thenComparing(ScaleSetProbe::ruleName).thenComparing(ScaleSetProbe::vmssId))
          .findFirst().ifPresent(p -> v.scaleSet(lb, p));
      return v;
    }

    private Optional<String> subnetOf(Backend b) {
      return Optional.ofNullable(b.nicId()).flatMap(facts::nic).flatMap(n -> n.ipConfigurations().stream()
          .filter(c -> b.ip().equals(c.privateIp())).findFirst().map(c -> c.subnetId()));
    }
  }
}
