package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.kb.load.Placeholders;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Condition;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the user said that is confirmed before it counts: the report's statements (shown once, with
 * its leads, at the start of the questions) and hedged replies ("I think so").
 */
final class Confirmations {
  private final Questioning questioning;
  private final Diagnoser diagnoser;
  private final FactCache facts;
  private final ReportStatements reports;

  Confirmations(Questioning questioning, Diagnoser diagnoser, FactCache facts) {
    this.questioning = questioning;
    this.diagnoser = diagnoser;
    this.facts = facts;
    this.reports = ReportStatements.of(diagnoser.knowledgeBase());
  }

  /**
   * The start of the questions: the report's statements that answer a question are shown once to
   * confirm, with its leads; then the best question, or the conclusion.
   */
  void begin(Ctx c) {
    Diagnosis d = questioning.diagnose(c);
    Symptom symptom = questioning.symptom(c.state);
    List<ReportStatements.Statement> all = statements(c);
    List<ReportStatements.Statement> answers = all.stream()
        .filter(s -> s.strength() == ReportStatements.Strength.ANSWER && s.question() != null && !Answers.answered(c.state, questioning.implications(), s.question())
            && symptom.questions().stream().anyMatch(q -> q.id().equals(s.question())))
        .toList();
    if (d.questions().isEmpty() || (answers.isEmpty() && leads(all).isEmpty())) {
      questioning.advance(c);
      return;
    }
    List<RecordedAnswer> pending = answers.stream()
        .map(s -> new RecordedAnswer(s.question(), s.value(), c.user, c.now, RecordedAnswer.REPORT, s.quote())).toList();
    StringBuilder b = new StringBuilder(pending.isEmpty() ? "" : fromReport(c, d, pending));
    List<String> leads = leads(all);
    if (!leads.isEmpty()) {
      b.append(b.length() == 0 ? "" : "\n").append("Hints from your report, used only to choose what to ask first:");
      leads.forEach(l -> b.append("\n- ").append(l));
    }
    if (answers.isEmpty()) {
      c.say(b.toString());
      questioning.advance(c);
      return;
    }
    b.append(IS_THAT_RIGHT);
    c.state = c.state.withStage(Stage.ASKING, Prompts.CONFIRM).withPending(pending);
    c.say(Prompts.confirm(b.toString(), false));
  }

  static final String IS_THAT_RIGHT = "\nIs that right? (yes; or no, and I will ask instead)";

  /** "From your report:" and one numbered line per answer read from it, with the question it answers. */
  String fromReport(Ctx c, Diagnosis d, List<RecordedAnswer> pending) {
    StringBuilder b = new StringBuilder("From your report:");
    int i = 1;
    for (RecordedAnswer a : pending) {
      b.append('\n').append(i++).append(". You said \"").append(a.quote()).append("\": I take that as ")
          .append(isYesNo(a.value()) ? a.value() + " to" : a.value() + " for").append(" \"").append(questionText(c, d, a.question()))
          .append('"');
    }
    return b.toString();
  }

  private List<String> leads(List<ReportStatements.Statement> all) {
    List<String> out = new ArrayList<>();
    for (ReportStatements.Statement s : all) {
      if (s.cause() != null) {
        String title = diagnoser.knowledgeBase().symptoms().stream().flatMap(x -> x.causes().stream())
            .filter(x -> x.id().equals(s.cause())).map(Cause::title).findFirst().orElse(s.cause());
        out.add("\"" + s.quote() + "\": " + ("yes".equals(s.value()) ? "I look first at: " : "I look last at: ")
            + lowerFirst(title) + " (" + s.cause() + ")");
      } else if (s.strength() == ReportStatements.Strength.LEAD && s.question() != null
          && !ReportStatements.PROBE_HEALTH.equals(s.question())) {
        out.add("\"" + s.quote() + "\": a hint that the answer to " + s.question() + " is " + s.value() + " (I still ask it)");
      }
    }
    return out;
  }

  /** The report's statements for the symptom under triage. */
  List<ReportStatements.Statement> statements(Ctx c) {
    Symptom symptom = questioning.symptom(c.state);
    Set<String> questions = symptom.questions().stream().map(Question::id).collect(Collectors.toSet());
    Set<String> causes = symptom.causes().stream().map(Cause::id).collect(Collectors.toSet());
    AzureFacts f = facts.get(c.state.loadBalancer(), c.live);
    Set<String> leadOnly = ReportStatements.leadOnly(symptom, when -> holds(when, f, c.state.loadBalancer()));
    return reports.read(c.state.report(), questions, causes, frontendIps(f, c.state.loadBalancer()), leadOnly);
  }

  /**
   * Whether a {@code leadOnlyWhen} condition holds for the whole load balancer; {@code probe-port-differs}: not every
   * probe a rule uses watches the port the rule sends to (or it has no rule), so "the application answers locally"
   * need not speak of the probe port.
   */
  static boolean holds(Condition when, AzureFacts f, String lbId) {
    return when == Condition.PROBE_PORT_DIFFERS && !probeOnServedPort(f, lbId);
  }

  /**
   * Whether every probe a rule uses watches the port the rule sends to (so "the application answers
   * locally" also speaks of the probe port).
   */
  static boolean probeOnServedPort(AzureFacts f, String lbId) {
    return f.loadBalancer(lbId).map(lb -> !lb.rules().isEmpty() && lb.rules().stream().allMatch(r -> r.probeId() == null
        || lb.probes().stream().anyMatch(p -> ArmId.same(p.id(), r.probeId()) && p.port() == r.backendPort()))).orElse(false);
  }

  static Set<String> frontendIps(AzureFacts f, String lbId) {
    return f.loadBalancer(lbId).map(lb -> lb.frontends().stream().flatMap(fe -> java.util.stream.Stream.of(fe.privateIp(), fe.publicIp()))
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet())).orElse(Set.of());
  }

  /** The question's text as asked (filled in) when it is open, else the knowledge base's with the load balancer named. */
  private String questionText(Ctx c, Diagnosis d, String questionId) {
    Optional<Diagnosis.OpenQuestion> open = d.questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    if (open.isPresent()) {
      return open.get().text();
    }
    Optional<Question> q = diagnoser.knowledgeBase().question(questionId);
    if (q.isEmpty()) {
      return questionId;
    }
    LoadBalancer lb = facts.get(c.state.loadBalancer(), c.live).loadBalancer(c.state.loadBalancer()).orElse(null);
    String filled = Placeholders.fill(q.get().text(), Map.of("lbName", lb == null ? ArmId.name(c.state.loadBalancer()) : lb.name()));
    return Placeholders.namesIn(filled).isEmpty() && !filled.contains("{") ? filled : questionId;
  }

  /** The user's yes / no to the answers read from the report or a hedged reply. */
  void confirm(Ctx c, String text) {
    List<RecordedAnswer> pending = c.state.pending();
    if (pending.isEmpty()) {
      questioning.advance(c);
      return;
    }
    boolean hedged = RecordedAnswer.HEDGED.equals(pending.get(0).source());
    Optional<String> v = AnswerParser.yesNoOrUnknown(text);
    if (v.isEmpty() || (!hedged && Answer.UNKNOWN.equals(v.get()))) {
      c.notice(Section.Level.WARNING, "Please answer yes or no" + (hedged ? " (or \"I don't know\")." : "."));
      c.say(hedged ? hedgePrompt(c, pending.get(0)) : Prompts.confirm(fromReport(c, questioning.diagnose(c), pending) + IS_THAT_RIGHT, false));
      return;
    }
    c.state = c.state.withPending(List.of());
    if (Answer.YES.equals(v.get())) {
      for (RecordedAnswer a : pending) {
        c.state = c.state.withAnswers(c.state.answersWith(a.confirmedBy(c.user, c.now)));
      }
      c.say("Noted" + (hedged ? "" : " from your report") + ": " + String.join(", ", pending.stream()
          .map(a -> a.question() + " = " + (Answer.UNKNOWN.equals(a.value()) ? "I don't know" : a.value())).toList()) + "."
          + questioning.impliedNote(c.state, pending));
      questioning.advance(c);
    } else if (Answer.NO.equals(v.get())) {
      if (hedged) {
        c.state = c.state.withStage(Stage.ASKING, pending.get(0).question());
        c.say("Then please answer it as yes, no or \"I don't know\".");
        questioning.shortReask(c);
      } else {
        c.say("OK: I will ask instead.");
        questioning.advance(c);
      }
    } else {
      c.state = c.state.withAnswers(c.state.answersWith(new RecordedAnswer(pending.get(0).question(), Answer.UNKNOWN, c.user, c.now)));
      c.say("Noted: you don't know (" + pending.get(0).question() + ").");
      questioning.advance(c);
    }
  }

  /** "back" at a confirmation: nothing is taken; the question (or the questions) are asked instead. */
  void decline(Ctx c) {
    confirm(c, "no");
  }

  Reply.Prompt hedgePrompt(Ctx c, RecordedAnswer a) {
    String question = questionText(c, questioning.diagnose(c), a.question());
    String text = Answer.UNKNOWN.equals(a.value())
        ? "You said \"" + a.quote() + "\". Shall I record \"I don't know\" for \"" + question + "\"? (yes; or no, to answer it)"
        : "You said \"" + a.quote() + "\". Shall I record that as " + a.value() + " to \"" + question
            + "\"? (yes; no, to answer again; or \"I don't know\")";
    return Prompts.confirm(text, true);
  }


  private static boolean isYesNo(String v) {
    return Answer.YES.equals(v) || Answer.NO.equals(v);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
