package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.facts.ArmId;
import java.util.List;

/** The replies to {@code help}, {@code why} and {@code summary}. */
final class Explain {
  /** The id of the prompt after the conclusion. */
  static final String CONCLUDED_PROMPT = "concluded";
  static final String HELP = """
      Answer the question in your own words ("yes", "nope", "it shows LISTENING", an IP address, a port), \
      or pick a suggested answer. Say "I don't know" when you cannot check: the cause stays suspected and we move on.
      Commands (the whole message, case does not matter):
        why                        the evidence so far and the answers given
        details                    every cause with its evidence, every fix step and command
        support                    what to collect for a support case
        bundle                     the support-case bundle (a zip) of the triage so far; "bundle redact" masks ids and names
        tried WHAT                 record a fix already tried, e.g. "tried: opened port 80 in nsg-web, still failing"
        summary                    the report, symptom, load balancer and your answers, numbered
        back                       take back your last answer (or your last choice)
        change N to ANSWER         replace answer number N, e.g. "change 2 to yes"
        change QUESTION to ANSWER  replace (or give early) the answer to a question, e.g. "change probe-port-listening to no"
        change N                   forget answer N and be asked again
        refresh                    read the facts again (after a fix) and diagnose anew
        restart                    start over with a new description
        quit                       end the conversation (it stays saved)
        help                       this list""";

  private Explain() {}

  static Reply.Say help() {
    return Reply.Say.text(HELP);
  }

  /** The prompt after the conclusion: what else can be shown, as choices (buttons in chat faces). */
  static Reply.Prompt afterConclusion() {
    return new Reply.Prompt(CONCLUDED_PROMPT, "Concluded. More: \"details\" (every cause, its evidence, every step), \"why\" (evidence and "
        + "your answers), \"support\" (for a support case); or \"change N to ANSWER\", \"restart\", \"quit\".", null, List.of(),
        List.of(new Reply.Choice("Details", "details"), new Reply.Choice("Why", "why"), new Reply.Choice("Support", "support"),
            new Reply.Choice("Restart", "restart"), new Reply.Choice("Quit", "quit")));
  }

  /** The reply to {@code details} or {@code support}; {@code d} is null before a load balancer is chosen. */
  static void more(Ctx c, Diagnosis d, Command.More.Part part) {
    if (d == null) {
      c.say("Nothing is diagnosed yet: " + (c.state.symptomId() == null
          ? "I need a description of the problem first." : "I need to know which load balancer it is."));
      return;
    }
    switch (part) {
      case DETAILS -> Conclusion.details(d, c);
      case SUPPORT -> Conclusion.support(d, c);
    }
  }

  /**
   * The evidence so far; {@code d} is null before a load balancer is chosen. {@code matchReason}: what
   * drove the symptom matcher on the report (its words, nearest known reports, error codes), or null.
   */
  static void why(Ctx c, Diagnosis d, String matchReason) {
    String reading = matchReason == null ? null : "How I read your report: " + matchReason;
    if (d == null) {
      c.say("Nothing is diagnosed yet: " + (c.state.symptomId() == null
          ? "I need a description of the problem first." : "I need to know which load balancer it is.")
          + (reading == null ? "" : "\n" + reading));
      return;
    }
    Message.Builder m = Message.builder(null).add(Conclusion.findings("Evidence so far", d));
    if (!d.symptomEvidence().isEmpty()) {
      m.heading("What shows the symptom").bullets(d.symptomEvidence());
    }
    if (reading != null) {
      m.heading("Why this symptom").bullets(List.of(reading));
    }
    c.say(m.text(answers(c.state)).build());
  }

  static void summary(Ctx c, KnowledgeBase kb, Diagnosis d) {
    ConversationState s = c.state;
    StringBuilder b = new StringBuilder("Summary of session ").append(s.id()).append(" (turn ").append(s.turn()).append(")\n");
    b.append("Report: ").append(s.report() == null ? "(not given yet)" : shorten(s.report())).append('\n');
    if (s.symptomId() != null) {
      String title = kb.symptom(s.symptomId()).map(x -> x.title()).orElse(s.symptomId());
      b.append("Symptom: ").append(title).append(" [").append(s.symptomId())
          .append(s.symptomScore() == null ? ", chosen" : ", " + Prompts.percent(s.symptomScore())).append("]\n");
    }
    if (s.loadBalancer() != null) {
      b.append("Load balancer: ").append(ArmId.name(s.loadBalancer())).append(" (facts from ").append(s.factSource()).append(")\n");
    }
    b.append(answers(s));
    for (RemediationTried t : s.tried()) {
      b.append("\nAlready tried: ").append(shorten(t.what())).append(" (").append(t.by() == null ? "command line" : t.by()).append(", ")
          .append(t.at()).append(')');
    }
    if (d != null) {
      b.append("\nFindings: ").append(String.join(", ", d.findings().stream().map(f -> f.cause() + " " + f.status()).toList()));
    }
    b.append("\nNow: ").append(switch (s.stage()) {
      case AWAITING_REPORT -> "waiting for a description of the problem";
      case CONFIRMING_SYMPTOM -> "waiting for you to pick the situation";
      case CHOOSING_LOAD_BALANCER -> "waiting for you to pick the load balancer";
      case ASKING -> "waiting for your answer to " + s.asking();
      case CONCLUDED -> "concluded";
      case ENDED -> "ended";
    });
    c.say(b.toString());
  }

  static String answers(ConversationState s) {
    List<RecordedAnswer> answers = s.answers();
    if (answers.isEmpty()) {
      return "No answers given yet.";
    }
    StringBuilder b = new StringBuilder("Answers given:");
    for (int i = 0; i < answers.size(); i++) {
      RecordedAnswer a = answers.get(i);
      b.append('\n').append(i + 1).append(". ").append(a.question()).append(" = ")
          .append("unknown".equals(a.value()) ? "I don't know" : a.value()).append(" (").append(a.by()).append(", ").append(a.at()).append(')');
    }
    return b.toString();
  }

  private static String shorten(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 297) + "..." : one;
  }
}
