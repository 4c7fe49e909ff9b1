package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The questions stage: diagnose, take what the report already says (confirmed once), ask the best
 * open question, read answers (hedged ones confirmed), take them back, conclude.
 */
final class Questioning {
  private final Diagnoser diagnoser;
  private final FactCache facts;
  private final LiveCheckRunner runner;
  private final Confirmations confirmations;
  private final Implications implications;

  Questioning(Diagnoser diagnoser, FactCache facts, LiveCheckRunner runner) {
    this.diagnoser = diagnoser;
    this.implications = Implications.of(diagnoser.knowledgeBase());
    this.facts = facts;
    this.runner = runner == null ? LiveCheckRunner.none() : runner;
    this.confirmations = new Confirmations(this, diagnoser, facts);
  }

  /** The start of the questions: what the report says is confirmed once (see {@link Confirmations}), then the best question. */
  void begin(Ctx c) {
    confirmations.begin(c);
  }

  /** The user's yes / no at a confirmation. */
  void confirm(Ctx c, String text) {
    confirmations.confirm(c, text);
  }

  /** Whether "Check from here" is offered for a question now. */
  boolean offersCheck(ConversationState s, String questionId) {
    return runner.available() && CheckTargets.checkable(diagnoser.knowledgeBase(), questionId) && (!runner.needsInside() || Boolean.TRUE.equals(s.inside()));
  }

  /** The prompt for a question, with "Check from here" when a live check can answer it and means something. */
  private Reply.Prompt prompt(ConversationState s, Diagnosis.OpenQuestion q) {
    return Prompts.question(q, offersCheck(s, q.id()), runner.origin());
  }

  /** Whether the line asks for a live check of the current question. */
  boolean wantsCheck(ConversationState s, String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!]+$", "");
    return runner.available() && s.stage() == Stage.ASKING && CheckTargets.checkable(diagnoser.knowledgeBase(), s.asking())
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
      c.notice(Section.Level.INFO, "You said this machine is outside the load balancer's network: a check from here would "
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
    List<CheckTargets.Target> targets = CheckTargets.of(diagnoser.knowledgeBase(), facts.get(c.state.loadBalancer(), c.live), c.state.loadBalancer(), questionId,
        q.get().subject());
    if (targets.isEmpty()) {
      c.notice(Section.Level.INFO, "There is no backend address and port of this load balancer to check for " + questionId
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
      c.notice(Section.Level.WARNING, "Please answer yes or no.");
      c.say(Prompts.inside(ArmId.name(c.state.loadBalancer()), runner.origin() == null ? "this machine" : runner.origin()));
      return;
    }
    boolean in = Answer.YES.equals(v.get());
    c.state = c.state.withInside(in).withPending(List.of());
    if (question != null) {
      c.state = c.state.withStage(Stage.ASKING, question);
    }
    if (in && question != null && CheckTargets.checkable(diagnoser.knowledgeBase(), question)) {
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
    return Answers.cited(diagnose(c, c.state), c.state, implications);
  }

  private Diagnosis diagnose(Ctx c, ConversationState s) {
    List<LiveCheck> checks = s.checks().stream().map(RecordedCheck::toLiveCheck).toList();
    return diagnoser.diagnose(facts.get(s.loadBalancer(), c.live), s.loadBalancer(), s.symptomId(), s.symptomScore(),
        Answers.effective(s, implications), checks);
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
        .filter(q -> !Answers.answered(c.state, implications, q.id()) && !settledByCheck(c.state, d, q)).toList();
    if (open.size() < 2) {
      return open.stream().findFirst();
    }
    ConversationState s = c.state;
    List<String> sampleIps = backendIps(facts.get(s.loadBalancer(), c.live), s.loadBalancer());
    return QuestionOrder.rank(d, open, symptom(s), confirmations.statements(c),
        (q, v) -> diagnose(c, s.withAnswers(s.answersWith(new RecordedAnswer(q, v, c.user, c.now)))), sampleIps).stream().findFirst();
  }

  private static List<String> backendIps(AzureFacts f, String lbId) {
    return f.loadBalancer(lbId).map(lb -> lb.pools().stream().flatMap(p -> p.members().stream()).map(m -> m.ipAddress())
        .filter(java.util.Objects::nonNull).sorted().toList()).orElse(List.of());
  }

  Symptom symptom(ConversationState s) {
    return diagnoser.knowledgeBase().symptom(s.symptomId()).orElseThrow();
  }

  /** The question being asked again (after "why", "summary"...), or the next step if it is no longer open. */
  void reask(Ctx c) {
    if (Prompts.CONFIRM.equals(c.state.asking()) && !c.state.pending().isEmpty()) {
      RecordedAnswer first = c.state.pending().get(0);
      c.say(RecordedAnswer.HEDGED.equals(first.source()) ? confirmations.hedgePrompt(c, first)
          : Prompts.confirm(confirmations.fromReport(c, diagnose(c), c.state.pending()) + Confirmations.IS_THAT_RIGHT, false));
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
  void shortReask(Ctx c) {
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
      c.say(confirmations.hedgePrompt(c, pending));
      return;
    }
    AnswerParser.Result result = AnswerParser.parse(q.get(), text);
    if (result instanceof AnswerParser.Accepted a) {
      record(c, q.get(), a.answer().value());
      advance(c);
    } else if (result instanceof AnswerParser.Refused r) {
      c.notice(Section.Level.WARNING, "I did not understand that: " + r.reason()
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

  /** What the knowledge base's questions imply of each other. */
  Implications implications() {
    return implications;
  }

  /** " That also answers X (V): reason." for each answer the given ones imply and that was not given itself. */
  String impliedNote(ConversationState s, List<RecordedAnswer> given) {
    StringBuilder b = new StringBuilder();
    for (RecordedAnswer a : given) {
      for (Implications.Implication i : implications.from(a.question(), a.value())) {
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
        confirmations.decline(c);
      }
      return;
    }
    List<RecordedAnswer> answers = new ArrayList<>(c.state.answers());
    if (answers.isEmpty()) {
      c.notice(Section.Level.INFO, "There is no answer to take back yet; say \"restart\" to describe the problem again.");
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
      c.notice(Section.Level.WARNING, "There is no answer number or question \"" + ch.target()
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
      c.notice(Section.Level.WARNING, "Not changed: " + r.reason() + ".");
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
    if (open.isPresent() && !Answers.answered(c.state, implications, questionId)) {
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


}
