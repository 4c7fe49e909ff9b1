package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The prompts of the conversation, and the text that says what lb-triage covers. */
final class Prompts {
  static final String REPORT = "report";
  static final String SYMPTOM = "symptom";
  static final String LOAD_BALANCER = "load-balancer";
  static final String NONE = "none";
  /** The value of the "Check from here" choice. */
  static final String CHECK = "check";
  private static final List<String> LABELS = List.of("Windows", "Linux", "Azure");

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
    List<Reply.Choice> choices = new ArrayList<>("yes-no".equals(q.answerKind())
        ? List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"), new Reply.Choice("I don't know", "I don't know"))
        : List.of(new Reply.Choice("I don't know", "I don't know")));
    if (offerCheck) {
      choices.add(new Reply.Choice("Check from here", CHECK));
    }
    return new Reply.Prompt(q.id(), q.text(), q.why(), hows(q.how()), choices);
  }

  /** Splits the diagnosis' "Windows: ...\nLinux: ...\nAzure: ..." text into one entry per platform. */
  static List<Reply.How> hows(String how) {
    List<Reply.How> out = new ArrayList<>();
    if (how == null || how.isBlank()) {
      return out;
    }
    String label = null;
    StringBuilder text = new StringBuilder();
    for (String line : how.split("\n", -1)) {
      String starts = LABELS.stream().filter(l -> line.startsWith(l + ": ")).findFirst().orElse(null);
      if (starts != null) {
        add(out, label, text);
        label = starts;
        text.setLength(0);
        text.append(line.substring(starts.length() + 2));
      } else {
        text.append(text.length() > 0 ? "\n" : "").append(line);
      }
    }
    add(out, label == null ? "How" : label, text);
    return out;
  }

  private static void add(List<Reply.How> out, String label, StringBuilder text) {
    if (label != null && !text.toString().isBlank()) {
      out.add(new Reply.How(label, text.toString().strip()));
    }
  }

  /** What lb-triage covers, for a report it cannot place. */
  static Reply.Text coverage(KnowledgeBase kb, Set<String> outOfScope) {
    StringBuilder b = new StringBuilder();
    if (!outOfScope.isEmpty()) {
      b.append("That sounds like something lb-triage does not cover (").append(String.join(", ", outOfScope.stream().sorted().toList()))
          .append(").\n");
    } else {
      b.append("I could not match that to a situation I know.\n");
    }
    b.append("lb-triage covers ").append(kb.symptoms().size()).append(" Azure Load Balancer situations:\n");
    int i = 1;
    for (Symptom s : kb.symptoms()) {
      b.append(i++).append(". ").append(s.title()).append('\n');
    }
    b.append("Please describe the problem again in your own words, e.g. \"the health probe marks my backends down\".");
    return new Reply.Text(b.toString());
  }

  static String percent(double score) {
    return Math.round(score * 100) + "% match";
  }
}
