package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.session.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The Teams port over the shared conversation runtime ({@link Conversations}): each Teams key is one durable
 * conversation, {@code teams:<key>} in the session store, saved after every turn, so a restart mid-triage continues
 * the thread; the thread's conversation reference is kept in the same store. The engine's replies are messages
 * already; this only routes them: progress to the progress line, a file to the face's file flow, everything else to
 * the turn's cards; the turn's end flushes them before the input counts as answered.
 */
final class EngineTeamsConversations implements TeamsConversations, AutoCloseable {
  static final String PREFIX = "teams:";
  private final Conversations conversations;
  private final SessionStore store;
  private final ConversationReferences references;

  EngineTeamsConversations(ConversationEngine engine, SessionStore store) {
    this(engine, store, Conversations.DEFAULT_LEASE);
  }

  /** @param lease how long a claimed activity is this process's before another (or a restarted) one may finish it */
  EngineTeamsConversations(ConversationEngine engine, SessionStore store, Duration lease) {
    this.conversations = new Conversations(engine, store, () -> UUID.randomUUID().toString(), lease);
    this.store = store;
    this.references = ConversationReferences.in(store);
  }

  @Override
  public void handle(String key, String text, String userName, TeamsOutput out) {
    handle(null, key, text, userName, out);
  }

  @Override
  public void handle(String activityId, String key, String text, String userName, TeamsOutput out) {
    String deliveryId = activityId == null || activityId.isBlank() ? null : PREFIX + activityId;
    conversations.handle(PREFIX + key, userName, new Conversations.Input(text, deliveryId), sink(key, out));
  }

  @Override
  public boolean knows(String key) {
    return conversations.knows(PREFIX + key);
  }

  @Override
  public List<String> stalled() {
    return conversations.stalledKeys(PREFIX).stream().map(k -> k.substring(PREFIX.length())).toList();
  }

  @Override
  public int resume(String key, TeamsOutput out) {
    return conversations.finishLeft(PREFIX + key, sink(key, out));
  }

  @Override
  public ConversationReferences references() {
    return references;
  }

  @Override
  public void close() {
    store.close();
  }

  private Conversations.ReplySink sink(String key, TeamsOutput out) {
    return new Conversations.ReplySink() {
      @Override
      public void send(Reply reply) {
        if (reply instanceof Reply.Attachment a) {
          out.file(a.name(), a.mediaType(), a.bytes(), a.caption(), command(a, store.byKey(PREFIX + key).map(s -> s.id()).orElse(null)));
        } else {
          show(reply, out);
        }
      }

      @Override
      public void flush() {
        out.flush();
      }
    };
  }

  /** The command line that makes the same bundle (run with the --snapshot or --azure options and --db of this bot). */
  static String command(Reply.Attachment a, String sessionId) {
    return "lb-triage bundle " + (sessionId == null ? "" : "--session " + sessionId + " ") + "--out " + a.name()
        + (a.name().endsWith("-redacted.zip") ? " --redact" : "");
  }

  static void show(Reply reply, TeamsOutput out) {
    if (reply instanceof Reply.ProgressUpdate p) {
      out.progress(p.step(), p.done(), p.total());
    } else if (reply instanceof Reply.Prompt p) {
      out.message(p.message());
    } else if (reply instanceof Reply.Say s) {
      out.message(s.message());
    } else if (reply instanceof Reply.Attachment a) {
      out.file(a.name(), a.mediaType(), a.bytes(), a.caption(), command(a, null));
    }
  }
}
