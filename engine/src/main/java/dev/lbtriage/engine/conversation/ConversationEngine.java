package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.kb.match.SymptomMatcher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triage conversation as a state machine: a {@link ConversationState} and a user line in, the
 * next state and the replies out ({@link Turn}). It saves nothing: the caller stores each
 * {@link Turn#next()} (see {@code dev.lbtriage.engine.session}). The only side effects are reading
 * facts from the {@link FactSource} (kept in memory per load balancer) and the progress sent to
 * {@code live} meanwhile. Time comes from the {@link Clock}.
 *
 * <p>Never throws for any user line: bad input gets a notice and the current prompt
 * again, with the state unchanged but for the turn number. The command grammar is on {@link
 * CommandParser} and in {@code engine/CONVERSATION.md}. Thread-safe: a state is a value, so two
 * conversations may be handled at once.
 */
public final class ConversationEngine {
  /** Longest user line read; longer ones are refused. */
  public static final int MAX_LINE = InputGuard.MAX_LENGTH;
  /** The prompt id (and {@code asking}) of a confirmation of answers read from the report or a hedged reply: yes or no. */
  public static final String CONFIRM = Prompts.CONFIRM;
  /** The prompt id (and {@code asking}) of "is this machine inside the load balancer's network?", before a check from a snapshot. */
  public static final String INSIDE = Prompts.INSIDE;

  private static final Logger LOG = LoggerFactory.getLogger(ConversationEngine.class);
  private final Diagnoser diagnoser;
  private final FactCache facts;
  private final Clock clock;
  private final Questioning questioning;
  private final Opening opening;
  private final SupportBundle bundle;
  private final SymptomMatcher matcher;

  /** An engine that runs no live checks. */
  public ConversationEngine(SymptomMatcher matcher, Diagnoser diagnoser, FactSource source, Clock clock) {
    this(matcher, diagnoser, source, clock, LiveCheckRunner.none());
  }

  /**
   * An engine that offers "Check from here" on the listening / responding questions and runs it
   * with {@code runner}, against the backend IPs of the load balancer under triage only.
   */
  public ConversationEngine(SymptomMatcher matcher, Diagnoser diagnoser, FactSource source, Clock clock, LiveCheckRunner runner) {
    this(matcher, diagnoser, source, clock, runner, ArmDocuments.none());
  }

  /**
   * An engine whose {@code bundle} command makes the support-case bundle with the ARM documents from
   * {@code documents} (without them it says to use {@code lb-triage bundle --azure}).
   */
  public ConversationEngine(SymptomMatcher matcher, Diagnoser diagnoser, FactSource source, Clock clock, LiveCheckRunner runner,
      ArmDocuments documents) {
    this.diagnoser = diagnoser;
    this.matcher = matcher;
    this.facts = new FactCache(source, clock);
    this.clock = clock;
    this.questioning = new Questioning(diagnoser, facts, runner);
    this.opening = new Opening(matcher, diagnoser.knowledgeBase(), facts, questioning);
    this.bundle = new SupportBundle(questioning, facts, documents);
  }

  /** A new conversation: a greeting and the prompt for a report. */
  public Turn start(String id, String key) {
    return opening(id, key, clock.instant());
  }

  /** The greeting and the prompt for a report of a new conversation: it needs no knowledge base, rules or facts. */
  public static Turn opening(String id, String key, java.time.Instant now) {
    ConversationState s = ConversationState.fresh(id, key, now);
    return new Turn(s, List.of(Reply.Say.text("lb-triage: let's find out what is wrong with your Azure load balancer. "
        + "Say \"help\" at any time for the commands."), Prompts.report()));
  }

  /** A new conversation that begins with a report (as {@code lb-triage chat "..."} or a Slack mention would). */
  public Turn start(String id, String key, String report, String userName, Consumer<Reply> live) {
    Turn first = start(id, key);
    Turn second = handle(first.next(), report, userName, live);
    return new Turn(second.next(), concat(first.replies().subList(0, 1), second.replies()));
  }

  /** Reads one user line. */
  public Turn handle(ConversationState state, String userLine, String userName, Consumer<Reply> live) {
    Ctx c = new Ctx(state.nextTurn(clock.instant()), userName, clock.instant(), live);
    Optional<String> refusal = InputGuard.refusal(userLine);
    try {
      if (refusal.isPresent()) {
        c.notice(Section.Level.WARNING, refusal.get());
        reprompt(c);
      } else {
        dispatch(c, CommandParser.parse(userLine), userLine.strip());
      }
      return c.turn();
    } catch (RuntimeException e) {
      LOG.warn("turn {} of session {} failed", state.turn() + 1, state.id(), e);
      Ctx safe = new Ctx(state.nextTurn(clock.instant()), userName, clock.instant(), live);
      safe.notice(Section.Level.ERROR, "Something went wrong on my side (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "). Nothing you said before is lost; try again, or say \"restart\".");
      return safe.turn();
    }
  }

  /**
   * Picks up a saved conversation: gathers the facts again (progress to {@code live}), warns when
   * they now come from another source than the one the session used, and repeats the current prompt.
   */
  public Turn resume(ConversationState state, Consumer<Reply> live) {
    Ctx c = new Ctx(state, "user", clock.instant(), live);
    c.say("Resuming session " + state.id() + " (" + state.answers().size() + " answer" + (state.answers().size() == 1 ? "" : "s")
        + " so far).");
    String now = facts.source().describe();
    if (state.factSource() != null && !state.factSource().equals(now)) {
      c.notice(Section.Level.WARNING, "This session's facts came from the " + state.factSource() + "; they are now read from the "
          + now + ". The findings may differ.");
    }
    try {
      if (state.stage() == Stage.ENDED) {
        reopen(c);
      } else {
        reprompt(c);
      }
    } catch (IllegalArgumentException e) {
      c.notice(Section.Level.ERROR, "The load balancer of this session cannot be read any more: " + e.getMessage());
      c.state = c.state.withStage(Stage.CHOOSING_LOAD_BALANCER, Prompts.LOAD_BALANCER);
      c.say(Prompts.loadBalancer(facts.source().loadBalancers()));
    }
    return c.turn();
  }

  /**
   * A conversation ended with {@code quit} goes on where it stood: the question it was at (asked
   * again, best first), the conclusion, or the choice or report it waited for.
   */
  private void reopen(Ctx c) {
    ConversationState s = c.state;
    c.say("It was ended with \"quit\"; going on where it stood.");
    if (s.symptomId() != null && s.loadBalancer() != null) {
      c.state = s.withStage(Stage.ASKING, null);
      questioning.advance(c);
    } else if (s.symptomId() != null) {
      c.state = s.withStage(Stage.CHOOSING_LOAD_BALANCER, Prompts.LOAD_BALANCER);
      c.say(Prompts.loadBalancer(facts.source().loadBalancers()));
    } else if (s.report() != null && s.candidates().size() > 1) {
      c.state = s.withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM_LIST);
      c.say(Prompts.symptom(s.candidates()));
    } else {
      c.state = s.withStage(Stage.AWAITING_REPORT, Prompts.REPORT);
      c.say(Prompts.report());
    }
  }

  /** What drove the symptom matcher on the report given, for "why" (null before a report). */
  private String matchReason(Ctx c) {
    String report = c.state.report();
    return report == null || report.isBlank() ? null : matcher.assess(report).explanation().summary();
  }

  private void dispatch(Ctx c, Command command, String line) {
    Stage stage = c.state.stage();
    if (command instanceof Command.Help) {
      c.say(Explain.help());
      reprompt(c);
    } else if (command instanceof Command.Why) {
      Explain.why(c, diagnosis(c), matchReason(c));
      reprompt(c);
    } else if (command instanceof Command.More more) {
      Explain.more(c, diagnosis(c), more.part());
      reprompt(c);
    } else if (command instanceof Command.Bundle b) {
      bundle.make(c, b.redact());
      reprompt(c);
    } else if (command instanceof Command.Tried t && !t.colon() && stage != Stage.CONCLUDED && stage != Stage.ENDED) {
      input(c, stage, line); // before a conclusion, "tried telnet, no answer" is an answer (or the report)
    } else if (command instanceof Command.Tried t) {
      if (t.what() == null) {
        AlreadyTried.howTo(c);
      } else {
        AlreadyTried.note(c, t.what(), RemediationTried.COMMAND, AlreadyTried.stillFailing(t.what()), diagnosis(c));
      }
      reprompt(c);
    } else if (command instanceof Command.Summary) {
      Explain.summary(c, diagnoser.knowledgeBase(), diagnosis(c));
      reprompt(c);
    } else if (command instanceof Command.Restart) {
      ConversationState s = c.state;
      facts.forget(s.loadBalancer());
      c.state = new ConversationState(s.id(), s.key(), Stage.AWAITING_REPORT, null, null, null, List.of(), null, null, List.of(),
          Prompts.REPORT, s.turn(), s.created(), s.updated(), List.of()).withInside(s.inside());
      c.say("Starting over.");
      c.say(Prompts.report());
    } else if (command instanceof Command.Refresh) {
      refresh(c);
    } else if (command instanceof Command.Quit) {
      c.state = c.state.withStage(Stage.ENDED, null);
      c.say("Ended. The session is saved; say \"restart\" to begin a new triage.");
    } else if (command instanceof Command.Back) {
      back(c, stage);
    } else if (command instanceof Command.Change ch && (stage == Stage.ASKING || stage == Stage.CONCLUDED)) {
      questioning.change(c, ch);
    } else if (command instanceof Command.Change) {
      c.notice(Section.Level.INFO, "There are no answers to change yet.");
      reprompt(c);
    } else if (command instanceof Command.Input in) {
      input(c, stage, in.text());
    }
  }

  private void input(Ctx c, Stage stage, String text) {
    switch (stage) {
      case AWAITING_REPORT -> opening.report(c, text);
      case CONFIRMING_SYMPTOM -> opening.symptomChoice(c, text);
      case CHOOSING_LOAD_BALANCER -> opening.loadBalancerChoice(c, text);
      case ASKING -> {
        if (Prompts.CONFIRM.equals(c.state.asking())) {
          questioning.confirm(c, text);
        } else if (Prompts.INSIDE.equals(c.state.asking())) {
          questioning.inside(c, text);
        } else if (questioning.wantsCheck(c.state, text)) {
          questioning.check(c);
        } else {
          questioning.answer(c, text);
        }
      }
      case CONCLUDED -> {
        Optional<AlreadyTried.Statement> tried = AlreadyTried.statement(text);
        if (tried.isPresent()) {
          AlreadyTried.note(c, tried.get().what(), RemediationTried.STATEMENT, tried.get().stillFailing(), diagnosis(c));
          c.say(Explain.afterConclusion());
          return;
        }
        c.notice(Section.Level.INFO, "The triage is already concluded; that message was not read as an answer.");
        c.say(Explain.afterConclusion());
      }
      case ENDED -> c.notice(Section.Level.INFO, "This conversation has ended. Say \"restart\" to begin a new triage.");
    }
  }

  private void back(Ctx c, Stage stage) {
    if (stage == Stage.AWAITING_REPORT && Prompts.SITUATION.equals(c.state.asking()) && c.state.candidates().size() > 1) {
      c.state = c.state.withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM_LIST);
      c.say(Prompts.symptom(c.state.candidates()));
      return;
    }
    switch (stage) {
      case CONFIRMING_SYMPTOM -> {
        c.state = c.state.withStage(Stage.AWAITING_REPORT, Prompts.REPORT);
        c.say(Prompts.report());
      }
      case CHOOSING_LOAD_BALANCER -> {
        boolean confirm = c.state.candidates().size() > 1;
        c.state = c.state.withSymptom(null, null).withStage(confirm ? Stage.CONFIRMING_SYMPTOM : Stage.AWAITING_REPORT,
            confirm ? Prompts.SYMPTOM_LIST : Prompts.REPORT);
        c.say(confirm ? Prompts.symptom(c.state.candidates()) : Prompts.report());
      }
      case ASKING, CONCLUDED -> {
        boolean atFirstQuestion = c.state.answers().isEmpty() && !Prompts.CONFIRM.equals(c.state.asking())
            && !Prompts.INSIDE.equals(c.state.asking());
        if (atFirstQuestion && c.state.candidates().size() > 1) {
          c.say("Back to the choice of the situation.");
          c.state = c.state.withLoadBalancer(null, null).withSymptom(null, null).withChecks(java.util.List.of())
              .withStage(Stage.CONFIRMING_SYMPTOM, Prompts.SYMPTOM_LIST);
          c.say(Prompts.symptom(c.state.candidates()));
        } else {
          questioning.back(c);
        }
      }
      default -> {
        c.notice(Section.Level.INFO, "There is nothing to go back to.");
        reprompt(c);
      }
    }
  }

  /**
   * Reads the facts of the load balancer under triage again (the user may have fixed something) and
   * diagnoses anew: the next open question or a new conclusion. Before a load balancer is chosen there
   * is nothing to read again.
   */
  private void refresh(Ctx c) {
    if (c.state.loadBalancer() == null || c.state.symptomId() == null
        || !(c.state.stage() == Stage.ASKING || c.state.stage() == Stage.CONCLUDED)
        || Prompts.CONFIRM.equals(c.state.asking()) || Prompts.INSIDE.equals(c.state.asking())) {
      c.notice(Section.Level.INFO, "There are no facts to read again yet.");
      reprompt(c);
      return;
    }
    facts.forget(c.state.loadBalancer());
    c.say("Reading the facts of " + dev.lbtriage.rules.facts.ArmId.name(c.state.loadBalancer()) + " again from the "
        + facts.source().describe() + ".");
    questioning.advance(c);
  }

  /** What is expected now, again. */
  private void reprompt(Ctx c) {
    switch (c.state.stage()) {
      case AWAITING_REPORT -> c.say(Prompts.SITUATION.equals(c.state.asking()) ? Prompts.situations(diagnoser.knowledgeBase())
          : Prompts.report());
      case CONFIRMING_SYMPTOM -> opening.symptomPrompt(c);
      case CHOOSING_LOAD_BALANCER -> c.say(Prompts.loadBalancer(facts.source().loadBalancers()));
      case ASKING, CONCLUDED -> questioning.reprompt(c);
      case ENDED -> c.say("This conversation has ended. Say \"restart\" to begin a new triage.");
    }
  }

  private Diagnosis diagnosis(Ctx c) {
    return c.state.loadBalancer() == null || c.state.symptomId() == null ? null : questioning.diagnose(c);
  }

  private static List<Reply> concat(List<Reply> a, List<Reply> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
