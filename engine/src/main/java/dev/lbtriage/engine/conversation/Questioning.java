package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.kb.load.Placeholders;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.LiveCheck;
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
 * The questions stage: diagnose, take what the report already says (confirmed once), ask the best
 * open question, read answers (hedged ones confirmed), take them back, conclude.
 */
final class Questioning {
  private final Diagnoser diagnoser;
  private final FactCache facts;
  private final LiveCheckRunner runner;

  Questioning(Diagnoser diagnoser, FactCache facts, LiveCheckRunner runner) {
    this.diagnoser = diagnoser;
    this.facts = facts;
    this.runner = runner == null ? LiveCheckRunner.none() : runner;
  }

  /** Whether "Check from here" is offered for a question now. */
  boolean offersCheck(ConversationState s, String questionId) {
    return runner.available() && CheckTargets.checkable(questionId) && (!runner.needsInside() || Boolean.TRUE.equals(s.inside()));
  }

  /** The prompt for a question, with "Check from here" when a live check can answer it and means something. */
  private Reply.Prompt prompt(ConversationState s, Diagnosis.OpenQuestion q) {
    return Prompts.question(q, offersCheck(s, q.id()), runner.origin());
  }

  /** Whether the line asks for a live check of the current question. */
  boolean wantsCheck(ConversationState s, String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!]+$", "");
    return runner.available() && s.stage() == Stage.ASKING && CheckTargets.checkable(s.asking())
        && (t.equals(Prompts.CHECK) || t.equals("check from here"));
  }

  /**
   * Runs the live checks for the current question, records them, re-diagnoses and asks what is needed
   * next. On a snapshot, first asks (once) whether this machine is inside the load balancer's network.
   */
  void check(Ctx c) {
    if (runner.needsInside() && c.state.inside() == null) {
      String asked = c.state.asking();
      c.state = c.state.withStage(Stage.ASKING, Prompts.INSIDE).withPending(List.of(new RecordedAnswer(asked, "check", c.user, c.now,
          "check", null)));
      c.say(Prompts.inside(ArmId.name(c.state.loadBalancer()), runner.origin() == null ? "this machine" : runner.origin()));
      return;
    }
    if (runner.needsInside() && Boolean.FALSE.equals(c.state.inside())) {
      c.notice(Reply.Notice.Level.INFO, "You said this machine is outside the load balancer's network: a check from here would "
          + "prove nothing about the backends. Please check from a VM in the network and answer yourself "
          + "(or say \"change check-from-inside to yes\" if it is inside).");
      reask(c);
      return;
    }
    String questionId = c.state.asking();
    Optional<Diagnosis.OpenQuestion> q = diagnose(c).questions().stream().filter(x -> x.id().equals(questionId)).findFirst();
    if (q.isEmpty()) {
      advance(c);
      return;
    }
    List<CheckTargets.Target> targets = CheckTargets.of(facts.get(c.state.loadBalancer(), c.live), c.state.loadBalancer(), questionId,
        q.get().subject());
    if (targets.isEmpty()) {
      c.notice(Reply.Notice.Level.INFO, "There is no backend address and port of this load balancer to check for " + questionId
          + "; please answer yourself.");
      c.say(prompt(c.state, q.get()));
      return;
    }
    StringBuilder b = new StringBuilder("Live check from " + (runner.origin() == null ? "here" : runner.origin()) + " (TCP connect):");
    for (CheckTargets.Target t : targets) {
      Optional<LiveCheck> result = runner.tcp(t.host(), t.port());
      if (result.isPresent()) {
        LiveCheck lc = result.get();
        c.state = c.state.withChecks(c.state.checksWith(RecordedCheck.of(questionId, lc, c.user, c.now)));
        b.append("\n- ").append(lc.summary()).append(lc.answered() ? " (answered)" : " (no answer)");
      } else {
        b.append("\n- ").append(t.host()).append(':').append(t.port()).append(": the check could not be run");
      }
    }
    c.say(b.toString());
    advance(c);
  }

  /** The answer to "is this machine inside the network?", then the check it was asked for (or the question again). */
  void inside(Ctx c, String text) {
    Optional<String> v = AnswerParser.yesNoOrUnknown(text);
    String question = c.state.pending().isEmpty() ? null : c.state.pending().get(0).question();
    if (v.isEmpty()) {
      c.notice(Reply.Notice.Level.WARNING, "Please answer yes or no.");
      c.say(Prompts.inside(ArmId.name(c.state.loadBalancer()), runner.origin() == null ? "this machine" : runner.origin()));
      return;
    }
    boolean in = Answer.YES.equals(v.get());
    c.state = c.state.withInside(in).withPending(List.of());
    if (question != null) {
      c.state = c.state.withStage(Stage.ASKING, question);
    }
    if (in && question != null && CheckTargets.checkable(question)) {
      check(c);
    } else {
      c.say(in ? "Noted: checks from here are offered from now on." : "Noted: no checks from here; please answer yourself.");
      reask(c);
    }
  }

  /** A question is settled by the checks when one answered and the diagnosis rules its cause out. */
  private static boolean settledByCheck(ConversationState s, Diagnosis d, Diagnosis.OpenQuestion q) {
    boolean answeredCheck = s.checks().stream().anyMatch(x -> x.question().equals(q.id()) && x.received() > 0);
    return answeredCheck && d.findings().stream()
        .anyMatch(f -> f.cause().equals(q.cause()) && f.status().equals(dev.lbtriage.rules.diagnosis.Status.RULED_OUT.id()));
  }

  /**
   * The diagnosis for the state's symptom, load balancer and answers (given and implied); facts
   * gathered if not at hand. Evidence from answers says where each came from.
   */
  Diagnosis diagnose(Ctx c) {
    return Answers.cited(diagnose(c, c.state), c.state);
  }

  private Diagnosis diagnose(Ctx c, ConversationState s) {
    List<LiveCheck> checks = s.checks().stream().map(RecordedCheck::toLiveCheck).toList();
    return diagnoser.diagnose(facts.get(s.loadBalancer(), c.live), s.loadBalancer(), s.symptomId(), s.symptomScore(),
        Answers.effective(s), checks);
  }

  /**
   * The start of the questions: the report's statements that answer a question are shown once to
   * confirm, with its leads; then the best question, or the conclusion.
   */
  void begin(Ctx c) {
    Diagnosis d = diagnose(c);
    Symptom symptom = symptom(c.state);
    List<ReportStatements.Statement> all = statements(c);
    List<ReportStatements.Statement> answers = all.stream()
        .filter(s -> s.strength() == ReportStatements.Strength.ANSWER && s.question() != null && !Answers.answered(c.state, s.question())
            && symptom.questions().stream().anyMatch(q -> q.id().equals(s.question())))
        .toList();
    if (d.questions().isEmpty() || (answers.isEmpty() && leads(all).isEmpty())) {
      advance(c);
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
      advance(c);
      return;
    }
    b.append(IS_THAT_RIGHT);
    c.state = c.state.withStage(Stage.ASKING, Prompts.CONFIRM).withPending(pending);
    c.say(Prompts.confirm(b.toString(), false));
  }

  private static final String IS_THAT_RIGHT = "\nIs that right? (yes; or no, and I will ask instead)";

  /** "From your report:" and one numbered line per answer read from it, with the question it answers. */
  private String fromReport(Ctx c, Diagnosis d, List<RecordedAnswer> pending) {
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
    Symptom symptom = symptom(c.state);
    Set<String> questions = symptom.questions().stream().map(Question::id).collect(Collectors.toSet());
    Set<String> causes = symptom.causes().stream().map(Cause::id).collect(Collectors.toSet());
    AzureFacts f = facts.get(c.state.loadBalancer(), c.live);
    Set<String> leadOnly = questions.contains("probe-port-listening") && !probeOnServedPort(f, c.state.loadBalancer())
        ? Set.of("probe-port-listening") : Set.of();
    return ReportStatements.read(c.state.report(), questions, causes, frontendIps(f, c.state.loadBalancer()), leadOnly);
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
      advance(c);
      return;
    }
    boolean hedged = RecordedAnswer.HEDGED.equals(pending.get(0).source());
    Optional<String> v = AnswerParser.yesNoOrUnknown(text);
    if (v.isEmpty() || (!hedged && Answer.UNKNOWN.equals(v.get()))) {
      c.notice(Reply.Notice.Level.WARNING, "Please answer yes or no" + (hedged ? " (or \"I don't know\")." : "."));
      c.say(hedged ? hedgePrompt(c, pending.get(0)) : Prompts.confirm(fromReport(c, diagnose(c), pending) + IS_THAT_RIGHT, false));
      return;
    }
    c.state = c.state.withPending(List.of());
    if (Answer.YES.equals(v.get())) {
      for (RecordedAnswer a : pending) {
        c.state = c.state.withAnswers(c.state.answersWith(a.confirmedBy(c.user, c.now)));
      }
      c.say("Noted" + (hedged ? "" : " from your report") + ": " + String.join(", ", pending.stream()
          .map(a -> a.question() + " = " + (Answer.UNKNOWN.equals(a.value()) ? "I don't know" : a.value())).toList()) + "."
          + impliedNote(c.state, pending));
      advance(c);
    } else if (Answer.NO.equals(v.get())) {
      if (hedged) {
        c.state = c.state.withStage(Stage.ASKING, pending.get(0).question());
        c.say("Then please answer it as yes, no or \"I don't know\".");
        shortReask(c);
      } else {
        c.say("OK: I will ask instead.");
        advance(c);
      }
    } else {
      c.state = c.state.withAnswers(c.state.answersWith(new RecordedAnswer(pending.get(0).question(), Answer.UNKNOWN, c.user, c.now)));
      c.say("Noted: you don't know (" + pending.get(0).question() + ").");
      advance(c);
    }
  }

  /** "back" at a confirmation: nothing is taken; the question (or the questions) are asked instead. */
  void decline(Ctx c) {
    confirm(c, "no");
  }

  private Reply.Prompt hedgePrompt(Ctx c, RecordedAnswer a) {
    String question = questionText(c, diagnose(c), a.question());
    String text = Answer.UNKNOWN.equals(a.value())
        ? "You said \"" + a.quote() + "\". Shall I record \"I don't know\" for \"" + question + "\"? (yes; or no, to answer it)"
        : "You said \"" + a.quote() + "\". Shall I record that as " + a.value() + " to \"" + question
            + "\"? (yes; no, to answer again; or \"I don't know\")";
    return Prompts.confirm(text, true);
  }

  /** Asks the first open question not answered yet (best first), or gives the conclusion. */
  void advance(Ctx c) {
    c.state = c.state.withPending(List.of());
    Diagnosis d = diagnose(c);
    Optional<Diagnosis.OpenQuestion> next = next(c, d);
    if (next.isPresent()) {
      c.state = c.state.withStage(Stage.ASKING, next.get().id());
      c.say(prompt(c.state, next.get()));
    } else {
      c.state = c.state.withStage(Stage.CONCLUDED, null);
      Conclusion.render(d, c);
    }
  }

  /** The best question to ask now: open, not answered (nor implied), not settled by a check; see {@link QuestionOrder}. */
  Optional<Diagnosis.OpenQuestion> next(Ctx c, Diagnosis d) {
    List<Diagnosis.OpenQuestion> open = d.questions().stream()
        .filter(q -> !Answers.answered(c.state, q.id()) && !settledByCheck(c.state, d, q)).toList();
    if (open.size() < 2) {
      return open.stream().findFirst();
    }
    ConversationState s = c.state;
    List<String> sampleIps = backendIps(facts.get(s.loadBalancer(), c.live), s.loadBalancer());
    return QuestionOrder.rank(d, open, symptom(s), statements(c),
        (q, v) -> diagnose(c, s.withAnswers(s.answersWith(new RecordedAnswer(q, v, c.user, c.now)))), sampleIps).stream().findFirst();
  }

  private static List<String> backendIps(AzureFacts f, String lbId) {
    return f.loadBalancer(lbId).map(lb -> lb.pools().stream().flatMap(p -> p.members().stream()).map(m -> m.ipAddress())
        .filter(java.util.Objects::nonNull).sorted().toList()).orElse(List.of());
  }

  private Symptom symptom(ConversationState s) {
    return diagnoser.knowledgeBase().symptom(s.symptomId()).orElseThrow();
  }

  /** The question being asked again (after "why", "summary"...), or the next step if it is no longer open. */
  void reask(Ctx c) {
    if (Prompts.CONFIRM.equals(c.state.asking()) && !c.state.pending().isEmpty()) {
      RecordedAnswer first = c.state.pending().get(0);
      c.say(RecordedAnswer.HEDGED.equals(first.source()) ? hedgePrompt(c, first)
          : Prompts.confirm(fromReport(c, diagnose(c), c.state.pending()) + IS_THAT_RIGHT, false));
      return;
    }
    if (Prompts.INSIDE.equals(c.state.asking())) {
      c.say(Prompts.inside(ArmId.name(c.state.loadBalancer()), runner.origin() == null ? "this machine" : runner.origin()));
      return;
    }
    Optional<Diagnosis.OpenQuestion> q = diagnose(c).questions().stream().filter(x -> x.id().equals(c.state.asking())).findFirst();
    if (q.isPresent()) {
      c.say(prompt(c.state, q.get()));
    } else {
      advance(c);
    }
  }

  /** The question again in a few lines, after an answer that was not understood. */
  private void shortReask(Ctx c) {
    Optional<Diagnosis.OpenQuestion> q = diagnose(c).questions().stream().filter(x -> x.id().equals(c.state.asking())).findFirst();
    if (q.isPresent()) {
      c.say(Prompts.shortQuestion(q.get(), offersCheck(c.state, q.get().id())));
    } else {
      advance(c);
    }
  }

  void answer(Ctx c, String text) {
    Optional<Question> q = diagnoser.knowledgeBase().question(c.state.asking());
    if (q.isEmpty()) {
      advance(c);
      return;
    }
    Optional<AnswerParser.Hedge> hedge = AnswerParser.hedge(q.get(), text);
    if (hedge.isPresent()) {
      RecordedAnswer pending = new RecordedAnswer(q.get().id(), hedge.get().likely(), c.user, c.now, RecordedAnswer.HEDGED,
          hedge.get().words());
      c.state = c.state.withStage(Stage.ASKING, Prompts.CONFIRM).withPending(List.of(pending));
      c.say(hedgePrompt(c, pending));
      return;
    }
    AnswerParser.Result result = AnswerParser.parse(q.get(), text);
    if (result instanceof AnswerParser.Accepted a) {
      record(c, q.get(), a.answer().value());
      advance(c);
    } else if (result instanceof AnswerParser.Refused r) {
      c.notice(Reply.Notice.Level.WARNING, "I did not understand that: " + r.reason()
          + ". You can also say \"why\", \"back\" or \"help\".");
      shortReask(c);
    }
  }

  private void record(Ctx c, Question q, String value) {
    RecordedAnswer a = new RecordedAnswer(q.id(), value, c.user, c.now);
    c.state = c.state.withAnswers(c.state.answersWith(a));
    c.say((Answer.UNKNOWN.equals(value)
        ? "Noted: you don't know (" + q.id() + "). What it would decide stays suspected; moving on."
        : "Noted: " + q.id() + " = " + value + ".") + impliedNote(c.state, List.of(a)));
  }

  /** " That also answers X (V): reason." for each answer the given ones imply and that was not given itself. */
  private static String impliedNote(ConversationState s, List<RecordedAnswer> given) {
    StringBuilder b = new StringBuilder();
    for (RecordedAnswer a : given) {
      for (Implications.Implication i : Implications.from(a.question(), a.value())) {
        if (given.stream().noneMatch(x -> x.question().equals(i.implied())) && !answered(s, i.implied())) {
          b.append(" That also answers ").append(i.implied()).append(" (").append(i.impliedValue()).append("): ").append(i.reason())
              .append('.');
        }
      }
    }
    return b.toString();
  }

  void back(Ctx c) {
    if (Prompts.CONFIRM.equals(c.state.asking()) || Prompts.INSIDE.equals(c.state.asking())) {
      if (Prompts.INSIDE.equals(c.state.asking())) {
        String question = c.state.pending().isEmpty() ? null : c.state.pending().get(0).question();
        c.state = c.state.withPending(List.of()).withStage(Stage.ASKING, question);
        reask(c);
      } else {
        decline(c);
      }
      return;
    }
    List<RecordedAnswer> answers = new ArrayList<>(c.state.answers());
    if (answers.isEmpty()) {
      c.notice(Reply.Notice.Level.INFO, "There is no answer to take back yet; say \"restart\" to describe the problem again.");
      if (c.state.stage() == Stage.ASKING) {
        reask(c);
      }
      return;
    }
    RecordedAnswer last = answers.remove(answers.size() - 1);
    c.state = c.state.withAnswers(answers);
    c.say("Took back your answer to " + last.question() + " (" + last.value() + ").");
    askOrAdvance(c, last.question());
  }

  void change(Ctx c, Command.Change ch) {
    if (Prompts.INSIDE.equals(ch.target())) {
      Optional<String> v = ch.value() == null ? Optional.empty() : AnswerParser.yesNoOrUnknown(ch.value());
      c.state = c.state.withInside(v.filter(x -> !Answer.UNKNOWN.equals(x)).map(Answer.YES::equals).orElse(null));
      c.say(v.isEmpty() || Answer.UNKNOWN.equals(v.get()) ? "Noted: it is not known whether this machine is inside the load balancer's network."
          : Answer.YES.equals(v.get()) ? "Noted: this machine is inside the load balancer's network; checks from here are offered."
          : "Noted: this machine is outside the load balancer's network; no checks from here.");
      reprompt(c);
      return;
    }
    Optional<String> target = target(c.state, ch.target());
    Optional<Question> q = target.flatMap(id -> diagnoser.knowledgeBase().question(id));
    if (q.isEmpty()) {
      c.notice(Reply.Notice.Level.WARNING, "There is no answer number or question \"" + ch.target()
          + "\" in this triage. Say \"summary\" to see the numbered answers, then e.g. \"change 1 to yes\".");
      reprompt(c);
      return;
    }
    c.state = c.state.withPending(List.of());
    if (ch.value() == null) {
      c.state = c.state.withAnswers(c.state.answers().stream().filter(a -> !a.question().equals(q.get().id())).toList());
      c.say("Forgot the answer to " + q.get().id() + ".");
      askOrAdvance(c, q.get().id());
      return;
    }
    AnswerParser.Result result = AnswerParser.parse(q.get(), ch.value());
    if (result instanceof AnswerParser.Accepted a) {
      record(c, q.get(), a.answer().value());
      advance(c);
    } else if (result instanceof AnswerParser.Refused r) {
      c.notice(Reply.Notice.Level.WARNING, "Not changed: " + r.reason() + ".");
      reprompt(c);
    }
  }

  /** In the questions stage the question is asked again; after the conclusion, only a hint is given. */
  void reprompt(Ctx c) {
    if (c.state.stage() == Stage.ASKING) {
      reask(c);
    } else {
      c.say(Explain.afterConclusion());
    }
  }

  private void askOrAdvance(Ctx c, String questionId) {
    Optional<Diagnosis.OpenQuestion> open = diagnose(c).questions().stream().filter(x -> x.id().equals(questionId)).findFirst();
    if (open.isPresent() && !Answers.answered(c.state, questionId)) {
      c.state = c.state.withStage(Stage.ASKING, questionId);
      c.say(prompt(c.state, open.get()));
    } else {
      c.say(questionId + " is not needed any more: the facts and the other answers already decide.");
      advance(c);
    }
  }

  /** An answer's number (1-based) or a question id of the symptom. */
  private Optional<String> target(ConversationState s, String ref) {
    if (ref.matches("\\d{1,4}")) {
      int n = Integer.parseInt(ref);
      return n >= 1 && n <= s.answers().size() ? Optional.of(s.answers().get(n - 1).question()) : Optional.empty();
    }
    return diagnoser.knowledgeBase().symptom(s.symptomId()).stream().flatMap(sym -> sym.questions().stream())
        .map(Question::id).filter(id -> id.equalsIgnoreCase(ref)).findFirst();
  }

  /** Whether the question was answered (given, not implied). */
  static boolean answered(ConversationState s, String questionId) {
    return s.answers().stream().anyMatch(a -> a.question().equals(questionId));
  }

  private static boolean isYesNo(String v) {
    return Answer.YES.equals(v) || Answer.NO.equals(v);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
