package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The questions stage: diagnose, ask the next open question, read answers, take them back, conclude. */
final class Questioning {
  private final Diagnoser diagnoser;
  private final FactCache facts;
  private final LiveCheckRunner runner;

  Questioning(Diagnoser diagnoser, FactCache facts, LiveCheckRunner runner) {
    this.diagnoser = diagnoser;
    this.facts = facts;
    this.runner = runner == null ? LiveCheckRunner.none() : runner;
  }

  /** The prompt for a question, with "Check from here" when a live check can answer it. */
  private Reply.Prompt prompt(Diagnosis.OpenQuestion q) {
    return Prompts.question(q, runner.available() && CheckTargets.checkable(q.id()));
  }

  /** Whether the line asks for a live check of the current question. */
  boolean wantsCheck(ConversationState s, String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!]+$", "");
    return runner.available() && s.stage() == Stage.ASKING && CheckTargets.checkable(s.asking())
        && (t.equals(Prompts.CHECK) || t.equals("check from here"));
  }

  /** Runs the live checks for the current question, records them, re-diagnoses and asks what is needed next. */
  void check(Ctx c) {
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
      c.say(prompt(q.get()));
      return;
    }
    StringBuilder b = new StringBuilder("Live check from here (TCP connect):");
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

  /** A question is settled by the checks when one answered and the diagnosis rules its cause out. */
  private static boolean settledByCheck(ConversationState s, Diagnosis d, Diagnosis.OpenQuestion q) {
    boolean answeredCheck = s.checks().stream().anyMatch(x -> x.question().equals(q.id()) && x.received() > 0);
    return answeredCheck && d.findings().stream()
        .anyMatch(f -> f.cause().equals(q.cause()) && f.status().equals(dev.lbtriage.rules.diagnosis.Status.RULED_OUT.id()));
  }

  /** The diagnosis for the state's symptom, load balancer and answers; facts gathered if not at hand. */
  Diagnosis diagnose(Ctx c) {
    ConversationState s = c.state;
    List<Answer> answers = s.answers().stream().map(a -> new Answer(a.question(), a.value())).toList();
    List<LiveCheck> checks = s.checks().stream().map(RecordedCheck::toLiveCheck).toList();
    return diagnoser.diagnose(facts.get(s.loadBalancer(), c.live), s.loadBalancer(), s.symptomId(), s.symptomScore(), answers, checks);
  }

  /** Asks the first open question not answered yet (KB order), or gives the conclusion. */
  void advance(Ctx c) {
    Diagnosis d = diagnose(c);
    Optional<Diagnosis.OpenQuestion> next = d.questions().stream()
        .filter(q -> !answered(c.state, q.id()) && !settledByCheck(c.state, d, q)).findFirst();
    if (next.isPresent()) {
      c.state = c.state.withStage(Stage.ASKING, next.get().id());
      c.say(prompt(next.get()));
    } else {
      c.state = c.state.withStage(Stage.CONCLUDED, null);
      Conclusion.render(d, c);
    }
  }

  /** The question being asked again (after a refusal, "why", "summary"...), or the next step if it is no longer open. */
  void reask(Ctx c) {
    Optional<Diagnosis.OpenQuestion> q = diagnose(c).questions().stream().filter(x -> x.id().equals(c.state.asking())).findFirst();
    if (q.isPresent()) {
      c.say(prompt(q.get()));
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
    AnswerParser.Result result = AnswerParser.parse(q.get(), text);
    if (result instanceof AnswerParser.Accepted a) {
      record(c, q.get(), a.answer().value());
      advance(c);
    } else if (result instanceof AnswerParser.Refused r) {
      c.notice(Reply.Notice.Level.WARNING, "I did not understand that: " + r.reason()
          + ". You can also say \"why\", \"back\" or \"help\".");
      reask(c);
    }
  }

  private void record(Ctx c, Question q, String value) {
    c.state = c.state.withAnswers(c.state.answersWith(new RecordedAnswer(q.id(), value, c.user, c.now)));
    c.say(Answer.UNKNOWN.equals(value)
        ? "Noted: you don't know (" + q.id() + "). What it would decide stays suspected; moving on."
        : "Noted: " + q.id() + " = " + value + ".");
  }

  void back(Ctx c) {
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
    Optional<String> target = target(c.state, ch.target());
    Optional<Question> q = target.flatMap(id -> diagnoser.knowledgeBase().question(id));
    if (q.isEmpty()) {
      c.notice(Reply.Notice.Level.WARNING, "There is no answer number or question \"" + ch.target()
          + "\" in this triage. Say \"summary\" to see the numbered answers, then e.g. \"change 1 to yes\".");
      reprompt(c);
      return;
    }
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
    if (open.isPresent()) {
      c.state = c.state.withStage(Stage.ASKING, questionId);
      c.say(prompt(open.get()));
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

  static boolean answered(ConversationState s, String questionId) {
    return s.answers().stream().anyMatch(a -> a.question().equals(questionId));
  }
}
