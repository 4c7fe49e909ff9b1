package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;
import java.time.Duration;
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

  // Several replicas on one store (issue 21). A face that may receive one input twice (a redelivery, or a copy
  // reaching another replica) runs each turn as: claim(input) -> if mine: forTurn(key) -> engine turn ->
  // saveTurn(next, version, claim) -> send the replies; on a failure before saveTurn: release(claim).

  /**
   * Claims a delivered input for the replica {@code owner}. The first claim of an id wins; a later one finds it
   * {@link TurnClaim.Outcome#ALREADY_DONE} or {@link TurnClaim.Outcome#IN_PROGRESS}, unless the claim it finds was
   * released or its lease ran out (its replica died mid-turn): then it takes it over.
   *
   * @param lease how long the claim holds without being saved: longer than the longest turn
   */
  TurnClaim claim(String inputId, String conversationKey, String owner, Duration lease);

  /** The conversation of a key with its version, for a turn that will be saved with {@link #saveTurn}. */
  Optional<VersionedState> forTurn(String key);

  /**
   * Saves the state after a turn, atomically: only over {@code expectedVersion} (0 for a conversation new to the
   * store, which must then be the only one with its key), and, with a claim, only while the claim is still this
   * replica's, which it marks done in the same transaction.
   *
   * @param claim the input the turn answered, or null
   * @return the new version
   * @throws TurnConflictException when the conversation moved on or the claim was taken over; nothing is written
   */
  long saveTurn(ConversationState next, long expectedVersion, TurnClaim claim);

  /** Gives up a claim after a failed turn, so a redelivery (to any replica) runs it again at once. */
  void release(TurnClaim claim);

  @Override
  void close();
}
