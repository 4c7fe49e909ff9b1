package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.session.SessionStore;

/**
 * The real conversations behind Slack: the shared {@link Conversations} runtime (order per key,
 * save after every turn, errors), with Slack's own key: {@code slack:CHANNEL:THREAD_TS}, so a bot
 * restart mid-triage continues the thread where it stopped. Only the key is Slack's here.
 */
public final class EngineConversations implements TriageConversations, AutoCloseable {
  /** What Slack puts before a thread's key, so its conversations do not meet another face's. */
  static final String KEY_PREFIX = "slack:";
  private final Conversations runtime;
  private final SessionStore store;

  public EngineConversations(ConversationEngine engine, SessionStore store) {
    this(new Conversations(engine, store), store);
  }

  /** @param store closed with this (may be null when someone else closes it) */
  public EngineConversations(Conversations runtime, SessionStore store) {
    this.runtime = runtime;
    this.store = store;
  }

  @Override
  public void handle(String conversationKey, String text, String userId, ReplySink sink) {
    runtime.handle(KEY_PREFIX + conversationKey, userId, Conversations.Input.typed(text), sink::send);
  }

  @Override
  public boolean knows(String conversationKey) {
    return runtime.knows(KEY_PREFIX + conversationKey);
  }

  @Override
  public void close() throws Exception {
    if (store != null) {
      store.close();
    }
  }
}
