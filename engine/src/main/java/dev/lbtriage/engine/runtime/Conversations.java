package dev.lbtriage.engine.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.session.SessionStore;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation per key, for every face. {@link #handle} runs one turn: the saved conversation of
 * the key (or a new one that begins with the input as the report), the engine's turn with progress
 * sent live, the new state saved, then the replies sent in order. Turns of one key run one at a time
 * in the order they arrive (a fair lock per key); turns of different keys run at once (the fact cache
 * loads per load balancer). Input redelivered with the same delivery id is answered once. Any
 * failure becomes an error notice in the conversation; nothing saved is lost.
 */
public final class Conversations {
  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
  private static final int REMEMBERED_DELIVERIES = 50_000;

  private final ConversationEngine engine;
  private final SessionStore store;
  private final Supplier<String> ids;
  private final LoadingCache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build(k -> new ReentrantLock(true));
  private final Cache<String, Boolean> delivered = Caffeine.newBuilder().maximumSize(REMEMBERED_DELIVERIES).build();

  public Conversations(ConversationEngine engine, SessionStore store) {
    this(engine, store, () -> UUID.randomUUID().toString());
  }

  /** @param ids new conversation ids */
  public Conversations(ConversationEngine engine, SessionStore store, Supplier<String> ids) {
    this.engine = engine;
    this.store = store;
    this.ids = ids;
  }

  /** Where the replies of a turn go, in order; progress updates may come before the turn's end. */
  @FunctionalInterface
  public interface ReplySink {
    void send(Reply reply);
  }

  /**
   * What a person said or clicked.
   *
   * @param text the typed line, or the value of the button clicked
   * @param deliveryId the face's id of this delivery (a redelivery has the same), null when the face has none
   */
  public record Input(String text, String deliveryId) {
    public static Input typed(String text) {
      return new Input(text, null);
    }
  }

  /**
   * Runs one turn of the conversation with this key.
   *
   * @param key the face's conversation key (e.g. a chat thread); a key seen first starts a conversation
   * @param who who typed or clicked, as the face names them
   * @return the state after the turn, empty when the input was a redelivery or the turn failed
   */
  public Optional<ConversationState> handle(String key, String who, Input input, ReplySink sink) {
    if (input.deliveryId() != null && delivered.asMap().putIfAbsent(key + "\u0000" + input.deliveryId(), Boolean.TRUE) != null) {
      LOG.info("Input {} of {} was delivered again; answered once", input.deliveryId(), key);
      return Optional.empty();
    }
    ReentrantLock lock = locks.get(key);
    lock.lock();
    try {
      Optional<ConversationState> saved = store.byKey(key);
      Turn turn = saved.isEmpty() ? engine.start(ids.get(), key, input.text(), who, sink::send)
          : engine.handle(saved.get(), input.text(), who, sink::send);
      store.save(turn.next());
      turn.replies().forEach(sink::send);
      return Optional.of(turn.next());
    } catch (RuntimeException e) {
      LOG.error("The turn of {} failed", key, e);
      sink.send(Reply.Say.notice(Section.Level.ERROR, "Something went wrong on my side (" + e.getClass().getSimpleName()
          + "); nothing you said before is lost. Try again, or say \"restart\"."));
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a conversation with this key was saved (by this process or an earlier one). */
  public boolean knows(String key) {
    return store.byKey(key).isPresent();
  }
}
