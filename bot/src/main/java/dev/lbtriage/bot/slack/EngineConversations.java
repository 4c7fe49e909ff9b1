package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.session.SessionStore;
import java.time.Duration;
import java.util.UUID;

/**
 * The real conversations behind Slack: the shared {@link Conversations} runtime (order per key,
 * save after every turn, inputs claimed in the store so several replicas answer each event once,
 * errors), with Slack's own key: {@code slack:CHANNEL:THREAD_TS}, so a bot restart mid-triage
 * continues the thread where it stopped. Only the key and the event id are Slack's here.
 */
public final class EngineConversations implements TriageConversations, AutoCloseable {
  /** What Slack puts before a thread's key, so its conversations do not meet another face's. */
  static final String KEY_PREFIX = "slack:";
  /** How long a claimed event is this replica's before another may take it over: longer than the longest turn. */
  public static final Duration DEFAULT_LEASE = Conversations.DEFAULT_LEASE;
  private final Conversations runtime;
  private final SessionStore store;

  public EngineConversations(ConversationEngine engine, SessionStore store) {
    this(engine, store, DEFAULT_LEASE);
  }

  /** @param lease how long a claim holds ({@link #DEFAULT_LEASE}) */
  public EngineConversations(ConversationEngine engine, SessionStore store, Duration lease) {
    this(new Conversations(engine, store, () -> UUID.randomUUID().toString(), lease), store);
  }

  /** @param store closed with this (may be null when someone else closes it) */
  public EngineConversations(Conversations runtime, SessionStore store) {
    this.runtime = runtime;
    this.store = store;
  }

  @Override
  public void handle(String conversationKey, String text, String userId, ReplySink sink) {
    handle(null, conversationKey, text, userId, sink);
  }

  @Override
  public void handle(String inputId, String conversationKey, String text, String userId, ReplySink sink) {
    runtime.handle(KEY_PREFIX + conversationKey, userId, new Conversations.Input(text, inputId), sink::send);
  }

  @Override
  public boolean claimsInputs() {
    return true;
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
