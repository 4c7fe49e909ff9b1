package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.session.SessionStore;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One terminal conversation: each line goes to the engine, the resulting state is saved to the
 * store, and only then are the replies (ending with the next prompt) printed. So a killed process
 * loses at most the turn in flight. A number typed at a numbered list picks that choice.
 */
public final class ChatLoop {
  /** What the user's lines are prefixed with. */
  public static final String YOU = "you> ";
  /** Said when Ctrl-C is pressed at a prompt: how to leave. */
  public static final String LEAVE_HINT = "To leave, type \"quit\" (the session stays saved; lb-triage chat --resume goes on) "
      + "or press Ctrl-D.";
  private final ConversationEngine engine;
  private final SessionStore store;
  private final PrintWriter out;
  private final TerminalRenderer renderer;
  private final String user;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "lb-triage-turn");
    t.setDaemon(true);
    return t;
  });
  private ConversationState state;
  private Reply.Prompt lastPrompt;
  private String db;
  private java.nio.file.Path folder = java.nio.file.Path.of("");

  public ChatLoop(ConversationEngine engine, SessionStore store, PrintWriter out, TerminalRenderer renderer, String user) {
    this.engine = engine;
    this.store = store;
    this.out = out;
    this.renderer = renderer;
    this.user = user;
  }

  /** Where files the conversation hands over (the {@code bundle}) are written; the current folder unless set. */
  public ChatLoop saveTo(java.nio.file.Path folder) {
    this.folder = folder;
    return this;
  }

  /** The {@code --db} the sessions are saved in, for the resume hint (null: the default store). */
  public ChatLoop db(String db) {
    this.db = db;
    return this;
  }

  public ConversationState state() {
    return state;
  }

  /** Saves the turn's state, then prints its replies. */
  public void show(Turn turn) {
    store.save(turn.next());
    state = turn.next();
    for (Reply r : turn.replies()) {
      print(r);
      if (r instanceof Reply.Say say && say.message().sectionsOf(Section.Notice.class).stream().anyMatch(n -> n.level() == Section.Level.ERROR)) {
        // where the details of what failed are (the log file; never a stack trace on screen)
        print(Reply.Say.notice(Section.Level.INFO, "That turn failed" + dev.lbtriage.bot.cli.LogSetup.detailsHint() + "."));
      }
    }
    out.print(renderer.closeProgress());
    out.flush();
  }

  /** Prints a reply at once (progress while a turn runs, or a note of the face itself). */
  public void print(Reply r) {
    if (r instanceof Reply.Prompt p) {
      lastPrompt = p;
    }
    if (r instanceof Reply.Attachment a) {
      try {
        out.print(renderer.saved(a, NewFile.write(folder, a.name(), a.bytes())));
      } catch (java.io.IOException | RuntimeException e) {
        out.print(renderer.notice(Section.Level.ERROR, "Could not write " + a.name() + " in " + folder.toAbsolutePath() + ": "
            + e.getMessage() + (state == null ? "" : "; make it with lb-triage bundle --session " + state.id() + " --out " + a.name())));
      }
      out.flush();
      return;
    }
    out.print(renderer.render(r));
    out.flush();
  }

  /** Handles one line as the user typed it (a number picks from the last numbered list). */
  public void turn(String line) {
    show(engine.handle(state, Choices.resolve(lastPrompt, line), user, this::print));
  }

  /** Reads lines until the end of input or the user quits; every turn is saved before the next prompt. */
  public void run(LineSource in) {
    while (true) {
      String line;
      try {
        line = in.readLine(YOU);
      } catch (LineSource.Cancelled c) {
        print(Reply.Say.notice(Section.Level.INFO, LEAVE_HINT));
        continue;
      }
      if (line == null) {
        out.println();
        out.println("Bye. The session is saved; go on with: " + dev.lbtriage.bot.cli.Hints.resume(state.id(), db));
        out.flush();
        return;
      }
      if (line.isBlank()) {
        continue;
      }
      if (!in.interactive()) {
        turn(line);
      } else {
        cancellableTurn(in, line);
      }
      if (state.stage() == Stage.ENDED) {
        return;
      }
    }
  }

  /** On a terminal the turn runs on a worker so Ctrl-C can drop it; the state stays as it was. */
  private void cancellableTurn(LineSource in, String line) {
    String resolved = Choices.resolve(lastPrompt, line);
    ConversationState before = state;
    Future<Turn> f = worker.submit(() -> engine.handle(before, resolved, user, this::print));
    try (AutoCloseable ignored = in.onInterrupt(() -> f.cancel(true))) {
      show(f.get());
    } catch (CancellationException | InterruptedException e) {
      out.print(renderer.closeProgress());
      print(Reply.Say.notice(Section.Level.INFO, "Cancelled; that line was not used."));
      if (lastPrompt != null) {
        print(lastPrompt);
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends the worker thread. */
  public void close() {
    worker.shutdownNow();
  }
}
