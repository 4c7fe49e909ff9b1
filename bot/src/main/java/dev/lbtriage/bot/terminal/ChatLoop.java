package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.runtime.Cancellation;
import dev.lbtriage.engine.runtime.Conversations;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One terminal conversation, as a face of the shared runtime ({@link Conversations}): each line goes to the
 * runtime with this conversation's key and the user's name, and the replies it sends (progress first, then the
 * turn's replies once the turn is saved, ending with the next prompt) are printed. So a killed process loses at
 * most the turn in flight. A number typed at a numbered list picks that choice; Ctrl-C while a turn runs calls it
 * off ({@link Cancellation}).
 */
public final class ChatLoop {
  /** What the user's lines are prefixed with. */
  public static final String YOU = "you> ";
  /** Said when Ctrl-C is pressed at a prompt: how to leave. */
  public static final String LEAVE_HINT = "To leave, type \"quit\" (the session stays saved; lb-triage chat --resume goes on) "
      + "or press Ctrl-D.";
  private final Conversations runtime;
  private final String key;
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
  /** An error was said since the last turn began: the turn failed, though the engine answered it. */
  private boolean errorSaid;
  private java.nio.file.Path folder = java.nio.file.Path.of("");

  /** @param key the conversation's key in the runtime (see {@link SessionKey}) */
  public ChatLoop(Conversations runtime, String key, PrintWriter out, TerminalRenderer renderer, String user) {
    this.runtime = runtime;
    this.key = key;
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

  /** Opens a new conversation with this id: the greeting and the first prompt. False when it could not be saved (said). */
  public boolean open(String id) {
    return ended(runtime.open(key, id, this::print));
  }

  /** Goes on with the saved conversation of the key: its facts read again, its question asked again. False when it failed (said). */
  public boolean resume() {
    return ended(runtime.resume(key, this::print));
  }

  private boolean ended(Optional<ConversationState> next) {
    next.ifPresent(s -> state = s);
    out.print(renderer.closeProgress());
    out.flush();
    return next.isPresent();
  }

  /** Prints a reply at once (progress while a turn runs, a turn's replies, or a note of the face itself). */
  public synchronized void print(Reply r) {
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
    if (r instanceof Reply.Say say && say.message().sectionsOf(Section.Notice.class).stream().anyMatch(n -> n.level() == Section.Level.ERROR)) {
      errorSaid = true;
      // where the details of what failed are (the log file; never a stack trace on screen)
      out.print(renderer.render(Reply.Say.notice(Section.Level.INFO, "That turn failed" + dev.lbtriage.bot.cli.LogSetup.detailsHint() + ".")));
    }
    out.flush();
  }

  /**
   * Handles one line as the user typed it (a number picks from the last numbered list); false when the turn failed
   * (said): the runtime could not run it, or the engine answered it with an error (a read that broke, the load
   * balancer gone), after which the same line would fail again.
   */
  public boolean turn(String line) {
    errorSaid = false;
    boolean ran = ended(runtime.handle(key, user, Conversations.Input.typed(Choices.resolve(lastPrompt, line)), this::print));
    return ran && !errorSaid;
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

  /**
   * On a terminal the turn runs on a worker so Ctrl-C can call it off: until it is saved, the conversation stays as
   * it was and nothing more of it is printed.
   */
  private void cancellableTurn(LineSource in, String line) {
    Conversations.Input input = Conversations.Input.typed(Choices.resolve(lastPrompt, line));
    Cancellation cancel = new Cancellation();
    Future<Optional<ConversationState>> f = worker.submit(() -> runtime.handle(key, user, input, r -> {
      synchronized (this) {
        if (!cancel.cancelled()) {
          print(r);
        }
      }
    }, cancel));
    try (AutoCloseable ignored = in.onInterrupt(() -> {
      synchronized (this) {
        if (cancel.cancel()) {
          f.cancel(false);
        }
      }
    })) {
      ended(f.get());
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

  /** Lets the worker thread end (a turn called off may still be finishing; it is dropped, and the thread is a daemon). */
  public void close() {
    worker.shutdown();
  }
}
