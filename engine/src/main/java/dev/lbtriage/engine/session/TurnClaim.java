package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.Reply;
import java.util.List;

/**
 * What {@link SessionStore#claim} (or {@link SessionStore#stalled}) decided for one delivered input (a Slack
 * event id, a Teams activity id).
 *
 * @param inputId the input's id, as delivered
 * @param text the user's line the input carried (kept so another replica can run it if this one dies)
 * @param userId who sent it
 * @param owner the replica that holds the claim now
 * @param attempt how many times it was claimed so far (1 for a first claim); the claim is good only with it
 * @param lease how long the claim holds (renewed when the turn is saved)
 * @param undelivered for {@link Outcome#DELIVER}: the replies the turn gave, not yet sent
 */
public record TurnClaim(
    String inputId, String conversationKey, String text, String userId, String owner, int attempt, Outcome outcome,
    java.time.Duration lease, List<Reply> undelivered) {

  public TurnClaim {
    undelivered = undelivered == null ? List.of() : List.copyOf(undelivered);
  }

  /** What the replica that asked should do. */
  public enum Outcome {
    /** First sighting anywhere: run the turn, save it with the claim, send the replies, mark them delivered. */
    CLAIMED,
    /** Claimed before by a replica that stopped before saving (lease ran out, or released): run the turn. */
    TAKEN_OVER,
    /** Answered and saved by a replica that stopped before sending the replies: send {@link #undelivered}. */
    DELIVER,
    /** Answered and delivered (by any replica): do nothing. */
    ALREADY_DONE,
    /** Another replica holds it now: do nothing. */
    IN_PROGRESS
  }

  /** Whether this replica should act on it (run the turn, or deliver its replies). */
  public boolean mine() {
    return outcome == Outcome.CLAIMED || outcome == Outcome.TAKEN_OVER || outcome == Outcome.DELIVER;
  }
}
