package dev.lbtriage.engine.conversation;

/** Where a conversation stands: what the next line of the user is read as. */
public enum Stage {
  /** Waiting for a free-text description of the problem. */
  AWAITING_REPORT,
  /** The report matched several symptoms; waiting for the user to pick one (or none). */
  CONFIRMING_SYMPTOM,
  /** Waiting for the user to pick the load balancer. */
  CHOOSING_LOAD_BALANCER,
  /** A KB question is asked ({@link ConversationState#asking()}); waiting for the answer. */
  ASKING,
  /** The conclusion was given; answers can still be changed, or the triage restarted. */
  CONCLUDED,
  /** The user quit; only {@code restart} (or {@code help}) does anything. */
  ENDED
}
