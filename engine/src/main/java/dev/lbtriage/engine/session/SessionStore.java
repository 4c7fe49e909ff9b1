package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
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
  // reaching another replica) runs each input as:
  //   stalled(key) -> for each: run it again or send its replies (what a dead replica left)
  //   claim(input) -> if CLAIMED/TAKEN_OVER: forTurn(key) -> engine turn -> saveTurn(next, version, claim, replies)
  //                   -> send the replies -> delivered(claim); on a failure before saveTurn: release(claim)
  //                -> if DELIVER: send claim.undelivered() -> delivered(claim)

  /** How many replicas may claim one input before it is given up (a turn that fails everywhere must not block its conversation). */
  int MAX_ATTEMPTS = 3;

  /**
   * Claims a delivered input for the replica {@code owner}. The first claim of an id wins; a later one finds it
   * {@link TurnClaim.Outcome#ALREADY_DONE} or {@link TurnClaim.Outcome#IN_PROGRESS}, unless the claim it finds was
   * released or its lease ran out (its replica died): then it takes it over, to run it again
   * ({@link TurnClaim.Outcome#TAKEN_OVER}) or to send the replies it gave ({@link TurnClaim.Outcome#DELIVER}).
   *
   * @param text the user's line, kept so another replica can run it
   * @param lease how long the claim holds: longer than the longest turn
   */
  TurnClaim claim(String inputId, String conversationKey, String text, String userId, String owner, Duration lease);

  /**
   * Takes over, oldest first, every input of a conversation whose replica stopped before finishing it (lease run
   * out, fewer than {@link #MAX_ATTEMPTS} claims): run each {@link TurnClaim.Outcome#TAKEN_OVER} one again, send the
   * replies of each {@link TurnClaim.Outcome#DELIVER} one.
   */
  List<TurnClaim> stalled(String conversationKey, String owner, Duration lease);

  /** The conversation of a key with its version, for a turn that will be saved with {@link #saveTurn}. */
  Optional<VersionedState> forTurn(String key);

  /**
   * Saves the state after a turn, atomically: only over {@code expectedVersion} (0 for a conversation new to the
   * store, which must then be the only one with its key), and, with a claim, only while the claim is still this
   * replica's; the claim becomes ANSWERED in the same transaction, holding {@code replies} until
   * {@link #delivered}.
   *
   * @param claim the input the turn answered, or null (then the replies are not kept)
   * @return the new version
   * @throws TurnConflictException when the conversation moved on or the claim was taken over; nothing is written
   */
  long saveTurn(ConversationState next, long expectedVersion, TurnClaim claim, List<Reply> replies);

  /** The replies of an answered claim were sent: it is done, no replica sends them again. */
  void delivered(TurnClaim claim);

  /** Gives up a claim after a failed turn, so the next delivery or the next turn of its conversation (any replica) runs it again. */
  void release(TurnClaim claim);

  // Where a face reaches a conversation without new input (proactive messages): an opaque text the face writes
  // (Teams: its conversation reference as JSON), one per conversation key, replaced on every write.

  /** Keeps (replacing) how the face reaches the conversation of {@code key}. */
  default void saveAddress(String key, String address) {
    throw new UnsupportedOperationException("this store keeps no conversation addresses");
  }

  /** How the face reaches the conversation of {@code key}, as last saved. */
  default Optional<String> address(String key) {
    return Optional.empty();
  }

  /**
   * The keys (starting with {@code keyPrefix}) of conversations with an input a stopped replica left: its lease ran
   * out, fewer than {@link #MAX_ATTEMPTS} claims, not sent. {@link #stalled} takes them over one key at a time.
   */
  default List<String> stalledKeys(String keyPrefix) {
    return List.of();
  }

  @Override
  void close();
}
