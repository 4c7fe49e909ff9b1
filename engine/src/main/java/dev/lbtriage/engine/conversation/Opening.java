package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The start of a triage: the report, the symptom it points to (the words, else the metrics, else one
 * question), the load balancer, gathering its facts.
 */
final class Opening {
  private final SymptomMatcher matcher;
  private final KnowledgeBase kb;
  private final FactCache facts;
  private final Questioning questioning;
  /** The two symptoms Health Probe Status tells apart, as the KB's {@code probeHealth} says; empty when it declares none. */
  private final Optional<ProbeHealthVerdict.Pair> pair;
  private final ReportStatements reports;

  Opening(SymptomMatcher matcher, KnowledgeBase kb, FactCache facts, Questioning questioning) {
    this.matcher = matcher;
    this.kb = kb;
    this.facts = facts;
    this.questioning = questioning;
    this.pair = ProbeHealthVerdict.Pair.of(kb);
    this.reports = ReportStatements.of(kb);
  }

  void report(Ctx c, String text) {
    if (Prompts.SITUATION.equals(c.state.asking()) && c.state.report() != null) {
      Optional<Symptom> picked = situation(text);
      if (picked.isPresent()) {
        c.say("OK: " + picked.get().title() + ".");
        c.state = c.state.withReport(c.state.report(), c.state.candidates());
        symptomChosen(c, picked.get().id(), null);
        return;
      }
    }
    ReportMatch.Reading r = ReportMatch.read(matcher, pair, text);
    List<Candidate> candidates = r.candidates();
    c.state = c.state.withReport(text, candidates);
    switch (r.verdict()) {
      case CONFIDENT -> {
        Candidate best = candidates.get(0);
        c.say("This looks like: " + best.title() + " (" + Prompts.percent(best.score()) + ").");
        symptomChosen(c, best.symptomId(), best.score());
      }
      case PROBE_OR_DATA_PORT -> probeOrDataPort(c);
      case AMBIGUOUS -> {
        c.state = c.state.withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM_LIST);
        c.say((candidates.size() == 1 ? "This may be: " + candidates.get(0).title() + " (" + Prompts.percent(candidates.get(0).score())
            + "), but your words do not make it certain." : "Your description could fit more than one situation."));
        c.say(Prompts.symptom(candidates));
      }
      case NOTHING -> {
        c.state = c.state.withStage(Stage.AWAITING_REPORT, Prompts.SITUATION);
        c.say(Prompts.coverage(kb, r.outOfScope(), r.pointer()));
        c.say(Prompts.situations(kb));
      }
    }
  }

  /** A situation picked from the full list: its number or id. */
  private Optional<Symptom> situation(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      return n >= 1 && n <= kb.symptoms().size() ? Optional.of(kb.symptoms().get(n - 1)) : Optional.empty();
    }
    return kb.symptom(t);
  }

  /**
   * The words cannot tell failing probes from healthy probes with a dead data port: Health Probe
   * Status decides when the load balancer is known and has the metric, else what the report says of
   * the probe, else one question. Only reached when the KB declares the pair.
   */
  private void probeOrDataPort(Ctx c) {
    ProbeHealthVerdict.Pair pair = this.pair.orElseThrow();
    Optional<LoadBalancerSummary> lb = knownLoadBalancer(c.state.report());
    if (lb.isPresent()) {
      AzureFacts f = facts.get(lb.get().id(), c.live);
      Optional<ProbeHealthVerdict.Decision> d = ProbeHealthVerdict.of(kb, f, lb.get().id());
      if (d.isPresent() && !ProbeHealthVerdict.settle(d.get(), leansTo(c, pair.failing())).equals(d.get().symptomId())) {
        // every probe passes now, but the words are about the probe (an alert that fired, backends marked
        // down): the probe triage settles it from the facts (healthy, or a fault in the probe's path) rather
        // than a data-port triage the report does not describe
        c.say("Health Probe Status shows every backend passing the probe now:\n- " + String.join("\n- ", d.get().evidence())
            + "\nYour words are about the health probe, so: " + title(pair.failing())
            + ", checked against the facts. (Say \"back\" to choose another.)");
        symptomChosen(c, pair.failing(), score(c, pair.failing()));
        return;
      }
      if (d.isPresent()) {
        String title = title(d.get().symptomId());
        c.say("Your words fit both failing health probes and a data port that does not answer; Health Probe Status decides: "
            + (d.get().probesFail() ? "a backend fails the probe" : "every backend passes the probe")
            + ".\n- " + String.join("\n- ", d.get().evidence()) + "\nSo: " + title + ". (Say \"back\" to choose another.)");
        symptomChosen(c, d.get().symptomId(), score(c, d.get().symptomId()));
        return;
      }
    }
    Optional<ReportStatements.Statement> said = reports.read(c.state.report(), Set.of(ReportStatements.PROBE_HEALTH), Set.of(),
        Set.of()).stream().filter(s -> s.strength() == ReportStatements.Strength.ANSWER).findFirst();
    if (said.isPresent()) {
      String id = Answer.YES.equals(said.get().value()) ? pair.passing() : pair.failing();
      c.say("You said \"" + said.get().quote() + "\": I take that as " + (Answer.YES.equals(said.get().value())
          ? "healthy probes" : "failing probes") + ", so: " + title(id) + ". (Say \"back\" to choose another.)");
      symptomChosen(c, id, score(c, id));
      return;
    }
    c.state = c.state.withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM);
    c.say(probeHealthPrompt());
  }

  /** Whether the report's words put {@code symptomId} first (the matcher's top candidate). */
  private static boolean leansTo(Ctx c, String symptomId) {
    return !c.state.candidates().isEmpty() && c.state.candidates().get(0).symptomId().equals(symptomId)
        && (c.state.candidates().size() < 2 || c.state.candidates().get(0).score() > c.state.candidates().get(1).score());
  }

  private Reply.Prompt probeHealthPrompt() {
    return Prompts.probeHealth(pair.orElseThrow().failing(), pair.orElseThrow().passing());
  }

  private String title(String symptomId) {
    return kb.symptom(symptomId).map(Symptom::title).orElse(symptomId);
  }

  private static Double score(Ctx c, String symptomId) {
    return c.state.candidates().stream().filter(x -> x.symptomId().equals(symptomId)).map(Candidate::score).findFirst().orElse(null);
  }

  /** The load balancer the report names, or the only one the source knows. */
  private Optional<LoadBalancerSummary> knownLoadBalancer(String report) {
    List<LoadBalancerSummary> lbs = facts.source().loadBalancers();
    List<LoadBalancerSummary> named = named(lbs, report);
    return named.size() == 1 ? Optional.of(named.get(0)) : lbs.size() == 1 ? Optional.of(lbs.get(0)) : Optional.empty();
  }

  /** The prompt of the symptom stage as it stands: the health question, or the list. */
  void symptomPrompt(Ctx c) {
    c.say(Prompts.SYMPTOM.equals(c.state.asking()) && (ReportMatch.probeOrDataPort(pair, c.state.candidates()) || ReportMatch.onlyProbeOrDataPort(pair, c.state.candidates())) ? probeHealthPrompt()
        : Prompts.symptom(c.state.candidates()));
  }

  void symptomChoice(Ctx c, String text) {
    List<Candidate> cs = c.state.candidates();
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    if (Prompts.SYMPTOM.equals(c.state.asking()) && (ReportMatch.probeOrDataPort(pair, cs) || ReportMatch.onlyProbeOrDataPort(pair, cs))) {
      healthAnswer(c, t);
      return;
    }
    if (List.of("none", "none of these", "none of them", "no", "neither", "nope").contains(t)) {
      c.state = c.state.withStage(Stage.AWAITING_REPORT, Prompts.SITUATION);
      c.say(Prompts.coverage(kb, Set.of(), null));
      c.say(Prompts.situations(kb));
      return;
    }
    Optional<Candidate> pick = Optional.empty();
    if (t.matches("\\d{1,2}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= cs.size()) {
      pick = Optional.of(cs.get(Integer.parseInt(t) - 1));
    } else if (t.matches("\\d{1,2}") && Integer.parseInt(t) == cs.size() + 1) {
      symptomChoice(c, "none");
      return;
    } else if (List.of("yes", "y", "yep", "yeah", "the first", "first").contains(t) && !cs.isEmpty()) {
      pick = Optional.of(cs.get(0));
    } else {
      pick = cs.stream().filter(x -> x.symptomId().equals(t) || x.title().equalsIgnoreCase(t)).findFirst()
          .or(() -> kb.symptom(t).map(s -> new Candidate(s.id(), s.title(), Double.NaN)));
    }
    if (pick.isEmpty()) {
      c.notice(Section.Level.WARNING, "Please pick one: a number from 1 to " + (cs.size() + 1)
          + ", a symptom id, or \"none of these\".");
      c.say(Prompts.symptom(cs));
      return;
    }
    c.say("OK: " + pick.get().title() + ".");
    symptomChosen(c, pick.get().symptomId(), Double.isNaN(pick.get().score()) ? null : pick.get().score());
  }

  /** The answer to "Does Health Probe Status show the backends healthy?": yes, no, a symptom id, or "I don't know". */
  private void healthAnswer(Ctx c, String t) {
    ProbeHealthVerdict.Pair pair = this.pair.orElseThrow();
    String id = null;
    if (t.equals("1") || kb.symptom(t).isPresent()) {
      id = t.equals("1") ? pair.passing() : t;
    } else if (t.equals("2")) {
      id = pair.failing();
    } else {
      Optional<String> v = AnswerParser.yesNoOrUnknown(t);
      if (v.isPresent() && !Answer.UNKNOWN.equals(v.get())) {
        id = Answer.YES.equals(v.get()) ? pair.passing() : pair.failing();
      } else if (t.equals("3") || v.isPresent() || AnswerParser.hedge(yesNoQuestion(), t).isPresent()) {
        c.state = c.state.withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM_LIST);
        c.say("Then pick the situation that fits best.");
        c.say(Prompts.symptom(c.state.candidates()));
        return;
      }
    }
    if (id == null) {
      c.notice(Section.Level.WARNING, "Please answer yes (the probes are healthy), no (some fail) or \"I don't know\".");
      c.say(probeHealthPrompt());
      return;
    }
    c.say("OK: " + title(id) + ".");
    symptomChosen(c, id, score(c, id));
  }

  /** A yes-no question of the KB, to read a hedge ("I think so") to the yes-or-no about the probes: its kind is what counts. */
  private dev.lbtriage.kb.model.Question yesNoQuestion() {
    return kb.questions().filter(q -> q.answer() == dev.lbtriage.kb.model.AnswerKind.YES_NO).findFirst()
        .orElseGet(() -> kb.symptoms().get(0).questions().get(0));
  }

  private void symptomChosen(Ctx c, String symptomId, Double score) {
    c.state = c.state.withSymptom(symptomId, score);
    List<LoadBalancerSummary> lbs = facts.source().loadBalancers();
    List<LoadBalancerSummary> named = named(lbs, c.state.report());
    if (named.size() == 1) {
      useLoadBalancer(c, named.get(0), "named in your report");
    } else if (lbs.size() == 1) {
      useLoadBalancer(c, lbs.get(0), "the only one in the " + facts.source().describe());
    } else {
      c.state = c.state.withStage(Stage.CHOOSING_LOAD_BALANCER, Prompts.LOAD_BALANCER);
      if (lbs.isEmpty()) {
        c.notice(Section.Level.ERROR, "The " + facts.source().describe() + " has no load balancer, so there is nothing to diagnose.");
      }
      c.say(Prompts.loadBalancer(lbs));
    }
  }

  void loadBalancerChoice(Ctx c, String text) {
    List<LoadBalancerSummary> lbs = facts.source().loadBalancers();
    String t = text.strip();
    Optional<LoadBalancerSummary> pick = t.matches("\\d{1,3}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= lbs.size()
        ? Optional.of(lbs.get(Integer.parseInt(t) - 1))
        : lbs.stream().filter(lb -> lb.name().equalsIgnoreCase(t) || lb.id().equalsIgnoreCase(t)).findFirst()
            .or(() -> named(lbs, t).size() == 1 ? Optional.of(named(lbs, t).get(0)) : Optional.empty());
    if (pick.isEmpty()) {
      c.notice(Section.Level.WARNING, "Please pick a load balancer: a number from 1 to " + lbs.size()
          + " or its name (or \"back\", or \"quit\").");
      c.say(Prompts.loadBalancer(lbs));
      return;
    }
    useLoadBalancer(c, pick.get(), "your choice");
  }

  private void useLoadBalancer(Ctx c, LoadBalancerSummary lb, String why) {
    c.state = c.state.withLoadBalancer(lb.id(), facts.source().describe());
    c.say("Load balancer: " + lb + " (" + why + "). Gathering its facts from the " + facts.source().describe() + ".");
    AzureFacts f = facts.get(lb.id(), c.live);
    if (!f.missing().isEmpty()) {
      c.notice(Section.Level.WARNING, f.missing().size() + " fact" + (f.missing().size() == 1 ? "" : "s")
          + " could not be read; the diagnosis may be weaker (the conclusion lists them).");
    }
    questioning.begin(c);
  }

  /** The load balancers whose name appears in the text as a whole word. */
  static List<LoadBalancerSummary> named(List<LoadBalancerSummary> lbs, String text) {
    if (text == null) {
      return List.of();
    }
    return lbs.stream().filter(lb -> Pattern.compile("(?<![\\w-])" + Pattern.quote(lb.name()) + "(?![\\w-])",
        Pattern.CASE_INSENSITIVE).matcher(text).find()).toList();
  }
}
