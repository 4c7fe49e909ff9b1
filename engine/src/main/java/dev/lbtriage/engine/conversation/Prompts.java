package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The prompts of the conversation, and the text that says what lb-triage covers. The ids below are the
 * runtime's own prompts (its {@code asking} besides a KB question id), not KB ids (a test checks that no KB id
 * takes one), and they stay in Java.
 */
final class Prompts {
  static final String REPORT = "report";
  static final String SYMPTOM = "symptom";
  static final String LOAD_BALANCER = "load-balancer";
  static final String NONE = "none";
  /** The value of the "Check from here" choice. */
  static final String CHECK = "check";
  /** The prompt that waits for the user to confirm answers read from the report or a hedged reply. */
  static final String CONFIRM = "confirm";
  /** The prompt that asks whether this machine is inside the load balancer's network, before a first check on a snapshot. */
  static final String INSIDE = "check-from-inside";
  /** {@code asking} while the symptom list (not the health question) is shown. */
  static final String SYMPTOM_LIST = "symptom-list";
  /** {@code asking} while the report is awaited after the list of every situation was shown (a number picks one). */
  static final String SITUATION = "situation";

  private Prompts() {}

  static Reply.Prompt report() {
    return new Reply.Prompt(REPORT, "What is going wrong with the load balancer? Describe it in a sentence or two.",
        "Your words pick the triage to run.", List.of(), List.of());
  }

  static Reply.Prompt symptom(List<Candidate> candidates) {
    List<Reply.Choice> choices = new ArrayList<>();
    for (Candidate c : candidates) {
      choices.add(new Reply.Choice(c.title() + " (" + percent(c.score()) + ")", c.symptomId()));
    }
    choices.add(new Reply.Choice("None of these", NONE));
    return new Reply.Prompt(SYMPTOM, "Which of these is it? (a number, or \"none of these\")",
        "Your description fits more than one situation, and each has its own checks.", List.of(), choices);
  }

  /**
   * The one question that tells "probes failing" from "probes healthy but the data port does not
   * answer", with the symptom ids as the values of yes and no (so a face's button or a typed id works).
   */
  static Reply.Prompt probeHealth(String probeDown, String dataPortDown) {
    List<Reply.Choice> choices = new ArrayList<>();
    choices.add(new Reply.Choice("Yes: the probes are healthy, the traffic does not get through", dataPortDown));
    choices.add(new Reply.Choice("No: some backends fail the health probe", probeDown));
    choices.add(new Reply.Choice("I don't know: show me the situations", "I don't know"));
    return new Reply.Prompt(SYMPTOM, "Does Health Probe Status show the backends healthy?",
        "Your words fit both failing health probes and healthy probes whose data port does not answer; the checks differ. "
            + "Azure portal > the load balancer > Monitoring > Metrics > Health Probe Status, split by Backend IP Address: "
            + "100 for every backend means healthy.",
        List.of(), choices);
  }

  /** Every situation lb-triage covers, to pick by number, or a new description. */
  static Reply.Prompt situations(KnowledgeBase kb) {
    List<Reply.Choice> choices = kb.symptoms().stream().map(s -> new Reply.Choice(s.title(), s.id())).toList();
    return new Reply.Prompt(REPORT, "Pick one of these by its number, or describe the problem again in your own words.",
        "Your words pick the triage to run.", List.of(), choices);
  }

  /** A question again after an answer that was not understood: the question and its choices only. */
  static Reply.Prompt shortQuestion(Diagnosis.OpenQuestion q, boolean offerCheck) {
    Reply.Prompt full = question(q, offerCheck);
    return new Reply.Prompt(full.id(), full.text(), null, List.of(), full.choices());
  }

  /** Confirms answers read from the user's words (the report, a hedged reply). */
  static Reply.Prompt confirm(String text, boolean hedged) {
    List<Reply.Choice> choices = hedged
        ? List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"), new Reply.Choice("I don't know", "I don't know"))
        : List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"));
    return new Reply.Prompt(CONFIRM, text, hedged ? null : "Answers you already gave are not asked again.", List.of(), choices);
  }

  /** Whether this machine is inside the load balancer's network, asked before the first check from a snapshot. */
  static Reply.Prompt inside(String lbName, String origin) {
    return new Reply.Prompt(INSIDE, "Is " + origin + " inside " + lbName + "'s virtual network (or a peered one), so that it reaches "
        + "the backends as another VM in the pool would?",
        "The facts come from a snapshot, so they say nothing of where lb-triage runs now; a check from outside the network "
            + "proves nothing about the backends.",
        List.of(), List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no")));
  }

  static Reply.Prompt loadBalancer(List<LoadBalancerSummary> lbs) {
    List<Reply.Choice> choices = lbs.stream().map(lb -> new Reply.Choice(lb.toString(), lb.name())).toList();
    return new Reply.Prompt(LOAD_BALANCER, "Which load balancer is it? (a number or its name)",
        "The facts are gathered for one load balancer.", List.of(), choices);
  }

  static Reply.Prompt question(Diagnosis.OpenQuestion q) {
    return question(q, false);
  }

  /** @param offerCheck whether to add the "Check from here" choice (value {@value #CHECK}) */
  static Reply.Prompt question(Diagnosis.OpenQuestion q, boolean offerCheck) {
    return question(q, offerCheck, null);
  }

  /** @param origin where a check runs from, said on the choice (e.g. "this machine (host-1)"), null for "here" */
  static Reply.Prompt question(Diagnosis.OpenQuestion q, boolean offerCheck, String origin) {
    List<Reply.Choice> choices = new ArrayList<>("yes-no".equals(q.answerKind())
        ? List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"), new Reply.Choice("I don't know", "I don't know"))
        : List.of(new Reply.Choice("I don't know", "I don't know")));
    if (offerCheck) {
      choices.add(new Reply.Choice(origin == null ? "Check from here" : "Check from here: " + origin, CHECK));
    }
    return new Reply.Prompt(q.id(), q.text(), q.why(), q.how() == null ? List.of() : q.how().ways(), choices);
  }

  /** What lb-triage covers, for a report it cannot place. */
  static Reply.Say coverage(KnowledgeBase kb, Set<String> outOfScope, String pointer) {
    StringBuilder b = new StringBuilder();
    if (!outOfScope.isEmpty()) {
      b.append("That sounds like something lb-triage does not cover (").append(String.join(", ", outOfScope.stream().sorted().toList()))
          .append(").\n");
      if (pointer != null) {
        b.append(pointer).append('\n');
      }
    } else {
      b.append("I could not match that to a situation I know.\n");
    }
    b.append("lb-triage covers ").append(kb.symptoms().size()).append(" Azure Load Balancer situations:\n");
    int i = 1;
    for (Symptom s : kb.symptoms()) {
      b.append(i++).append(". ").append(s.title()).append('\n');
    }
    b.append("Please describe the problem again in your own words, e.g. \"the health probe marks my backends down\".");
    return Reply.Say.text(b.toString());
  }

  static String percent(double score) {
    return Math.round(score * 100) + "% match";
  }
}
