package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.session.SessionStore;

/**
 * The Teams port over the shared conversation runtime ({@link Conversations}): each Teams key is one durable
 * conversation, {@code teams:<key>} in the session store, saved after every turn, so a restart mid-triage continues
 * the thread. The engine's replies are messages already; this only routes them: progress to the progress line,
 * everything else to the turn's cards.
 */
final class EngineTeamsConversations implements TeamsConversations, AutoCloseable {
  private static final String PREFIX = "teams:";
  private final Conversations conversations;
  private final SessionStore store;

  EngineTeamsConversations(ConversationEngine engine, SessionStore store) {
    this.conversations = new Conversations(engine, store);
    this.store = store;
  }

  @Override
  public void handle(String key, String text, String userName, TeamsOutput out) {
    handle(null, key, text, userName, out);
  }

  @Override
  public void handle(String activityId, String key, String text, String userName, TeamsOutput out) {
    String deliveryId = activityId == null || activityId.isBlank() ? null : PREFIX + activityId;
    conversations.handle(PREFIX + key, userName, new Conversations.Input(text, deliveryId), reply -> show(reply, out));
  }

  @Override
  public boolean knows(String key) {
    return conversations.knows(PREFIX + key);
  }

  @Override
  public void close() {
    store.close();
  }

  static void show(Reply reply, TeamsOutput out) {
    if (reply instanceof Reply.ProgressUpdate p) {
      out.progress(p.step(), p.done(), p.total());
    } else if (reply instanceof Reply.Prompt p) {
      out.message(p.message());
    } else if (reply instanceof Reply.Say s) {
      out.message(s.message());
    }
  }
}
