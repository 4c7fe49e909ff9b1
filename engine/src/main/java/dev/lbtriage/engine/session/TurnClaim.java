package dev.lbtriage.engine.session;

/**
 * What {@link SessionStore#claim} decided for one delivered input (a Slack event id, a Teams activity id).
 *
 * @param inputId the input's id, as delivered
 * @param owner the replica that asked
 * @param attempt how many replicas have claimed it so far, this one included (1 for a first claim)
 */
public record TurnClaim(String inputId, String conversationKey, String owner, int attempt, Outcome outcome) {

  /** What the replica that asked should do. */
  public enum Outcome {
    /** First sighting anywhere: run the turn, then save it with the claim. */
    CLAIMED,
    /** Another replica claimed it and stopped (its lease ran out, or it released it): run the turn again. */
    TAKEN_OVER,
    /** Already answered (by any replica): do not answer again. */
    ALREADY_DONE,
    /** Another replica is running it now: do not answer. */
    IN_PROGRESS
  }

  /** Whether this replica should run the turn. */
  public boolean mine() {
    return outcome == Outcome.CLAIMED || outcome == Outcome.TAKEN_OVER;
  }
}
