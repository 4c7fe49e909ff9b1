package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations are kept between turns and between runs. Every method is atomic; a saved
 * state is never half written. Implementations are thread-safe.
 */
public interface SessionStore extends AutoCloseable {

  /** Saves (inserts or replaces) a conversation by its id, and makes it the owner of its key. */
  void save(ConversationState state);

  Optional<ConversationState> load(String id);

  /** The conversation saved last, if any. */
  Optional<ConversationState> latest();

  /**
   * The conversation a key (e.g. {@code slack:C123:1712345.678}) belongs to: the one saved last
   * with that key.
   */
  Optional<ConversationState> byKey(String key);

  /** The most recently updated conversations, newest first. */
  List<SessionSummary> list(int limit);

  @Override
  void close();
}
