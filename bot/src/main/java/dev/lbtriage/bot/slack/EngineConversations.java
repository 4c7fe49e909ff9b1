package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.session.SessionStore;
import java.util.Optional;
import java.util.UUID;

/**
 * The real conversations behind Slack: each thread key is one durable conversation of the engine,
 * saved after every turn, so a bot restart mid-triage continues the thread where it stopped.
 * {@link SlackBot} serialises the calls of one key; different keys may run at once.
 */
public final class EngineConversations implements TriageConversations, AutoCloseable {
  private final ConversationEngine engine;
  private final SessionStore store;

  public EngineConversations(ConversationEngine engine, SessionStore store) {
    this.engine = engine;
    this.store = store;
  }

  @Override
  public void handle(String conversationKey, String text, String userId, ReplySink sink) {
    String key = "slack:" + conversationKey;
    Optional<ConversationState> saved = store.byKey(key);
    Turn turn;
    if (saved.isEmpty()) {
      turn = engine.start(UUID.randomUUID().toString(), key, text, userId, sink::send);
    } else {
      turn = engine.handle(saved.get(), text, userId, sink::send);
    }
    store.save(turn.next());
    turn.replies().forEach(sink::send);
  }

  @Override
  public boolean knows(String conversationKey) {
    return store.byKey("slack:" + conversationKey).isPresent();
  }

  @Override
  public void close() throws Exception {
    store.close();
  }
}
