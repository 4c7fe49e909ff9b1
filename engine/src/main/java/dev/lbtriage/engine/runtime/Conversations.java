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
import dev.lbtriage.engine.session.TurnClaim;
import dev.lbtriage.engine.session.TurnConflictException;
import dev.lbtriage.engine.session.VersionedState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * loads per load balancer). Input redelivered with the same delivery id is answered once, also when
 * several replicas share one store (issue 21): the input is claimed in the store, a turn is saved only
 * over the version it started from (a conflict runs it again on the new state), its replies are kept
 * with it until sent, and what a stopped replica left (a claimed input, or replies not sent) is done by
 * the next replica that touches the conversation. Any failure becomes an error notice in the
 * conversation; nothing saved is lost.
 *
 * <p>A face that greets before anyone speaks {@link #open}s a conversation, and one that goes on with
 * a saved conversation {@link #resume}s it; a turn may be called off until it is saved ({@link Cancellation}). The
 * engine may be handed over still loading ({@link #Conversations(Supplier, SessionStore, Supplier, Duration, Clock)}):
 * the greeting needs none of it, so a face can show it while the knowledge base and the rules load.
 */
public final class Conversations {
  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
  private static final int REMEMBERED_DELIVERIES = 50_000;
  private static final int CONFLICT_RETRIES = 5;
  /** How long a claimed input is this process's before another replica may take it over: longer than the longest turn. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(3);

  private final Supplier<ConversationEngine> engine;
  private final Clock clock;
  private final SessionStore store;
  private final Supplier<String> ids;
  private final Duration lease;
  /** This process, as the store names who holds a claimed input. */
  private final String owner;
  private final LoadingCache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build(k -> new ReentrantLock(true));
  private final Cache<String, Boolean> delivered = Caffeine.newBuilder().maximumSize(REMEMBERED_DELIVERIES).build();

  public Conversations(ConversationEngine engine, SessionStore store) {
    this(engine, store, () -> UUID.randomUUID().toString());
  }

  /** @param ids new conversation ids */
  public Conversations(ConversationEngine engine, SessionStore store, Supplier<String> ids) {
    this(engine, store, ids, DEFAULT_LEASE);
  }

  /**
   * @param lease how long an input claimed in the store is this process's before another replica may take it over
   *     ({@link #DEFAULT_LEASE}: longer than the longest turn)
   */
  public Conversations(ConversationEngine engine, SessionStore store, Supplier<String> ids, Duration lease) {
    this(() -> engine, store, ids, lease, Clock.systemUTC());
  }

  /**
   * @param engine the engine, asked for at the first turn that needs it (not by {@link #open}), then kept; it may
   *     wait for what it loads
   * @param clock when a conversation opened by {@link #open} began
   */
  public Conversations(Supplier<ConversationEngine> engine, SessionStore store, Supplier<String> ids, Duration lease, Clock clock) {
    this.engine = memoized(engine);
    this.clock = clock;
    this.store = store;
    this.ids = ids;
    this.lease = lease;
    this.owner = host() + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Supplier<ConversationEngine> memoized(Supplier<ConversationEngine> load) {
    return new Supplier<>() {
      private volatile ConversationEngine loaded;

      @Override
      public ConversationEngine get() {
        ConversationEngine e = loaded;
        if (e == null) {
          synchronized (this) {
            if (loaded == null) {
              loaded = java.util.Objects.requireNonNull(load.get(), "engine");
            }
            e = loaded;
          }
        }
        return e;
      }
    };
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "host";
    }
  }

  /** Where the replies of a turn go, in order; progress updates may come before the turn's end. */
  @FunctionalInterface
  public interface ReplySink {
    void send(Reply reply);

    /**
     * The turn's replies were all given: a face that gathers them (Teams packs a turn into few cards) sends them now.
     * Called before the input is marked delivered, so replies lost to a failure here are sent again later (by
     * {@link #resume}, or the next replica that touches the conversation).
     */
    default void flush() {}
  }

  /**
   * What a person said or clicked.
   *
   * @param text the typed line, or the value of the button clicked
   * @param deliveryId the face's id of this delivery (a redelivery has the same; unique across conversations, as Slack's
   *     event ids and Teams' activity ids are), null when the face has none
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
    return handle(key, who, input, sink, Cancellation.never());
  }

  /**
   * Runs one turn that may be called off until it is saved: called off in time, it is neither saved nor answered
   * (progress it sent before stays sent) and the result is empty.
   */
  public Optional<ConversationState> handle(String key, String who, Input input, ReplySink sink, Cancellation cancel) {
    if (input.deliveryId() != null && delivered.asMap().putIfAbsent(key + "\u0000" + input.deliveryId(), Boolean.TRUE) != null) {
      LOG.info("Input {} of {} was delivered again; answered once", input.deliveryId(), key);
      return Optional.empty();
    }
    ReentrantLock lock = locks.get(key);
    lock.lock();
    try {
      finishStalled(key, sink);
      if (input.deliveryId() == null) {
        return turn(key, input.text(), who, null, sink, cancel);
      }
      TurnClaim claim = store.claim(input.deliveryId(), key, input.text(), who, owner, lease);
      if (!claim.mine()) {
        LOG.info("Input {} of {} is {} (replica {}): not answered again", input.deliveryId(), key, claim.outcome(), claim.owner());
        return Optional.empty();
      }
      return act(claim, sink, cancel);
    } catch (RuntimeException e) {
      return failed(key, e, sink);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Opens a new conversation with this key before anyone said anything: the greeting and the prompt for a report,
   * saved, then sent. It needs no engine, so it does not wait for one still loading.
   *
   * @param id the new conversation's id
   * @return the new state, empty when it could not be saved (an error notice was sent), e.g. when the key has a
   *     conversation already
   */
  public Optional<ConversationState> open(String key, String id, ReplySink sink) {
    ReentrantLock lock = locks.get(key);
    lock.lock();
    try {
      Turn opening = ConversationEngine.opening(id, key, clock.instant());
      store.saveTurn(opening.next(), 0L, null, opening.replies());
      opening.replies().forEach(sink::send);
      return Optional.of(opening.next());
    } catch (RuntimeException e) {
      return failed(key, e, sink);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Goes on with the saved conversation of this key: its facts gathered again (progress sent live), a warning when
   * they now come from another source, and the question it waits on asked again; saved, then sent.
   *
   * @return the state after it, empty when the key has no conversation or it failed (an error notice was sent)
   */
  public Optional<ConversationState> resume(String key, ReplySink sink) {
    ReentrantLock lock = locks.get(key);
    lock.lock();
    try {
      finishStalled(key, sink);
      for (int attempt = 1; ; attempt++) {
        Optional<VersionedState> saved = store.forTurn(key);
        if (saved.isEmpty()) {
          throw new IllegalArgumentException("no conversation has the key " + key);
        }
        Turn turn = engine.get().resume(saved.get().state(), sink::send);
        try {
          store.saveTurn(turn.next(), saved.get().version(), null, turn.replies());
        } catch (TurnConflictException e) {
          if (attempt >= CONFLICT_RETRIES) {
            throw e;
          }
          continue;
        }
        turn.replies().forEach(sink::send);
        return Optional.of(turn.next());
      }
    } catch (RuntimeException e) {
      return failed(key, e, sink);
    } finally {
      lock.unlock();
    }
  }

  private int finishStalled(String key, ReplySink sink) {
    List<TurnClaim> left = store.stalled(key, owner, lease);
    for (TurnClaim claim : left) {
      LOG.info("Finishing input {} of {} that a stopped replica left ({})", claim.inputId(), key, claim.outcome());
      act(claim, sink, Cancellation.never());
    }
    return left.size();
  }

  private static Optional<ConversationState> failed(String key, RuntimeException e, ReplySink sink) {
    LOG.error("The turn of {} failed", key, e);
    sink.send(Reply.Say.notice(Section.Level.ERROR, "Something went wrong on my side (" + e.getClass().getSimpleName()
        + "); nothing you said before is lost. Try again, or say \"restart\"."));
    return Optional.empty();
  }

  /** Runs a claimed input, or sends the saved replies a stopped replica did not send; a failed turn gives its claim up. */
  private Optional<ConversationState> act(TurnClaim claim, ReplySink sink, Cancellation cancel) {
    if (claim.outcome() == TurnClaim.Outcome.DELIVER) {
      claim.undelivered().forEach(sink::send);
      sink.flush();
      store.delivered(claim);
      return store.byKey(claim.conversationKey());
    }
    try {
      Optional<ConversationState> next = turn(claim.conversationKey(), claim.text(), claim.userId(), claim, sink, cancel);
      if (cancel.cancelled()) {
        store.release(claim); // called off before it was saved: the input is not answered
      }
      return next;
    } catch (RuntimeException e) {
      try {
        store.release(claim);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /**
   * One turn, saved over the version it started from with its replies (so another replica can send them if this
   * one stops); run again on the new state when another replica saved first.
   */
  private Optional<ConversationState> turn(String key, String text, String who, TurnClaim claim, ReplySink sink,
      Cancellation cancel) {
    ReplySink live = r -> {
      if (!cancel.cancelled()) {
        sink.send(r);
      }
    };
    for (int attempt = 1; ; attempt++) {
      Optional<VersionedState> saved = store.forTurn(key);
      ConversationEngine conversation = engine.get();
      if (!cancel.enterEngine()) {
        return Optional.empty();
      }
      Turn turn;
      try {
        turn = saved.isEmpty() ? conversation.start(ids.get(), key, text, who, live::send)
            : conversation.handle(saved.get().state(), text, who, live::send);
      } finally {
        cancel.leaveEngine();
      }
      if (!cancel.commit()) {
        LOG.info("Turn of {} called off before it was saved", key);
        return Optional.empty();
      }
      List<Reply> replies = turn.replies();
      try {
        store.saveTurn(turn.next(), saved.map(VersionedState::version).orElse(0L), claim, replies);
      } catch (TurnConflictException e) {
        if (e.inputTakenOver()) {
          LOG.info("Turn of {} dropped: {}", key, e.getMessage());
          return Optional.empty(); // the replica that took the input over answers it
        }
        if (attempt >= CONFLICT_RETRIES) {
          throw e;
        }
        LOG.info("Turn of {} runs again: {}", key, e.getMessage());
        continue;
      }
      replies.forEach(sink::send);
      sink.flush();
      if (claim != null) {
        store.delivered(claim);
      }
      return Optional.of(turn.next());
    }
  }

  /**
   * Finishes, without new input, what stopped replicas left in this conversation: runs their inputs again, or sends
   * the replies they saved but did not send (a face posts them proactively). Nothing happens while their leases hold.
   *
   * @return how many inputs were finished
   */
  public int finishLeft(String key, ReplySink sink) {
    ReentrantLock lock = locks.get(key);
    lock.lock();
    try {
      return finishStalled(key, sink);
    } finally {
      lock.unlock();
    }
  }

  /** The keys (with this prefix) of conversations that have inputs a stopped replica left, for {@link #finishLeft}. */
  public List<String> stalledKeys(String keyPrefix) {
    return store.stalledKeys(keyPrefix);
  }

  /** Whether a conversation with this key was saved (by this process or an earlier one). */
  public boolean knows(String key) {
    return store.byKey(key).isPresent();
  }
}
