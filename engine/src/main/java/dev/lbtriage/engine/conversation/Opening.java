package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.kb.match.MatchResult;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The start of a triage: the report, the symptom it points to, the load balancer, gathering its facts. */
final class Opening {
  private static final int MAX_CANDIDATES = 3;
  private final SymptomMatcher matcher;
  private final KnowledgeBase kb;
  private final FactCache facts;
  private final Questioning questioning;

  Opening(SymptomMatcher matcher, KnowledgeBase kb, FactCache facts, Questioning questioning) {
    this.matcher = matcher;
    this.kb = kb;
    this.facts = facts;
    this.questioning = questioning;
  }

  void report(Ctx c, String text) {
    MatchResult r = matcher.assess(text);
    List<Candidate> candidates = r.matches().stream().limit(MAX_CANDIDATES)
        .map(m -> new Candidate(m.symptomId(), m.title(), m.score())).toList();
    c.state = c.state.withReport(text, candidates);
    if (r.confident()) {
      Candidate best = candidates.get(0);
      c.say("This looks like: " + best.title() + " (" + Prompts.percent(best.score()) + ").");
      symptomChosen(c, best.symptomId(), best.score());
    } else if (r.ambiguous()) {
      c.state = c.state.withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM);
      c.say("Your description could fit more than one situation.");
      c.say(Prompts.symptom(candidates));
    } else {
      c.state = c.state.withStage(Stage.AWAITING_REPORT, Prompts.REPORT);
      c.say(Prompts.coverage(kb, r.outOfScopeHits()));
      c.say(Prompts.report());
    }
  }

  void symptomChoice(Ctx c, String text) {
    List<Candidate> cs = c.state.candidates();
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    if (List.of("none", "none of these", "none of them", "no", "neither", "nope").contains(t)) {
      c.state = c.state.withStage(Stage.AWAITING_REPORT, Prompts.REPORT);
      c.say(Prompts.coverage(kb, java.util.Set.of()));
      c.say(Prompts.report());
      return;
    }
    Optional<Candidate> pick = Optional.empty();
    if (t.matches("\\d{1,2}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= cs.size()) {
      pick = Optional.of(cs.get(Integer.parseInt(t) - 1));
    } else if (List.of("yes", "y", "yep", "yeah", "the first", "first").contains(t) && !cs.isEmpty()) {
      pick = Optional.of(cs.get(0));
    } else {
      pick = cs.stream().filter(x -> x.symptomId().equals(t) || x.title().equalsIgnoreCase(t)).findFirst()
          .or(() -> kb.symptom(t).map(s -> new Candidate(s.id(), s.title(), Double.NaN)));
    }
    if (pick.isEmpty()) {
      c.notice(Reply.Notice.Level.WARNING, "Please pick one: a number from 1 to " + cs.size()
          + ", a symptom id, or \"none of these\".");
      c.say(Prompts.symptom(cs));
      return;
    }
    c.say("OK: " + pick.get().title() + ".");
    symptomChosen(c, pick.get().symptomId(), Double.isNaN(pick.get().score()) ? null : pick.get().score());
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
        c.notice(Reply.Notice.Level.ERROR, "The " + facts.source().describe() + " has no load balancer, so there is nothing to diagnose.");
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
      c.notice(Reply.Notice.Level.WARNING, "Please pick a load balancer: a number from 1 to " + lbs.size() + " or its name.");
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
      c.notice(Reply.Notice.Level.WARNING, f.missing().size() + " fact" + (f.missing().size() == 1 ? "" : "s")
          + " could not be read; the diagnosis may be weaker (the conclusion lists them).");
    }
    questioning.advance(c);
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
