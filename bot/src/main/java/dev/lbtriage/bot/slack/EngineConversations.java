package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.session.SessionStore;
import dev.lbtriage.engine.session.TurnClaim;
import dev.lbtriage.engine.session.TurnConflictException;
import dev.lbtriage.engine.session.VersionedState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real conversations behind Slack: each thread key is one durable conversation of the engine,
 * saved after every turn, so a bot restart mid-triage continues the thread where it stopped.
 * {@link SlackBot} serialises the calls of one key in this process; several replicas on one store are kept apart
 * by the store (issue 21): each event is claimed there, so a redelivered or duplicated event is answered once;
 * a turn is saved only over the version it started from (a conflict runs it again on the new state); the replies
 * are kept with the saved turn until sent, and what a replica that died left (a claimed input, or replies not
 * sent) is done by the next replica that touches the conversation.
 */
public final class EngineConversations implements TriageConversations, AutoCloseable {
  /** How long a claimed event is this replica's before another may take it over: longer than the longest turn. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(3);
  private static final Logger LOG = LoggerFactory.getLogger(EngineConversations.class);
  private static final int CONFLICT_RETRIES = 5;

  private final ConversationEngine engine;
  private final SessionStore store;
  private final String owner;
  private final Duration lease;

  public EngineConversations(ConversationEngine engine, SessionStore store) {
    this(engine, store, DEFAULT_LEASE);
  }

  /** @param lease how long a claim holds ({@link #DEFAULT_LEASE}) */
  public EngineConversations(ConversationEngine engine, SessionStore store, Duration lease) {
    this.engine = engine;
    this.store = store;
    this.lease = lease;
    this.owner = host() + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void handle(String conversationKey, String text, String userId, ReplySink sink) {
    handle(null, conversationKey, text, userId, sink);
  }

  @Override
  public void handle(String inputId, String conversationKey, String text, String userId, ReplySink sink) {
    String key = "slack:" + conversationKey;
    for (TurnClaim left : store.stalled(key, owner, lease)) {
      LOG.info("Finishing input {} of {} that a stopped replica left ({})", left.inputId(), key, left.outcome());
      act(left, sink);
    }
    if (inputId == null) {
      turn(key, text, userId, null, sink);
      return;
    }
    TurnClaim claim = store.claim(inputId, key, text, userId, owner, lease);
    if (!claim.mine()) {
      LOG.info("Input {} of {} is {} (replica {}): not answered again", inputId, key, claim.outcome(), claim.owner());
      return;
    }
    act(claim, sink);
  }

  private void act(TurnClaim claim, ReplySink sink) {
    if (claim.outcome() == TurnClaim.Outcome.DELIVER) {
      claim.undelivered().forEach(sink::send);
      store.delivered(claim);
      return;
    }
    try {
      turn(claim.conversationKey(), claim.text(), claim.userId(), claim, sink);
    } catch (RuntimeException e) {
      try {
        store.release(claim);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** One turn, saved over the version it started from (again on the new state when another replica saved first). */
  private void turn(String key, String text, String userId, TurnClaim claim, ReplySink sink) {
    for (int attempt = 1; ; attempt++) {
      Optional<VersionedState> saved = store.forTurn(key);
      Turn turn = saved.isEmpty()
          ? engine.start(UUID.randomUUID().toString(), key, text, userId, sink::send)
          : engine.handle(saved.get().state(), text, userId, sink::send);
      List<Reply> replies = turn.replies();
      try {
        store.saveTurn(turn.next(), saved.map(VersionedState::version).orElse(0L), claim, replies);
      } catch (TurnConflictException e) {
        if (e.inputTakenOver()) {
          LOG.info("Turn of {} dropped: {}", key, e.getMessage());
          return; // the replica that took it over answers
        }
        if (attempt >= CONFLICT_RETRIES) {
          throw e;
        }
        LOG.info("Turn of {} runs again: {}", key, e.getMessage());
      }
      replies.forEach(sink::send);
      if (claim != null) {
        store.delivered(claim);
      }
      return;
    }
  }

  @Override
  public boolean claimsInputs() {
    return true;
  }

  @Override
  public boolean knows(String conversationKey) {
    return store.byKey("slack:" + conversationKey).isPresent();
  }

  @Override
  public void close() throws Exception {
    store.close();
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "host";
    }
  }
}
