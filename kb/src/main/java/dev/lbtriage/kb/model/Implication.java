package dev.lbtriage.kb.model;

/**
 * What an answer to a question (or a live check for it that connected) also answers, written
 * {@code implies:} on the question in the KB: the conversation does not ask a question whose answer
 * follows from another, and the rules see the implied answer with its reason.
 *
 * @param ifAnswer the answer to the declaring question that implies it, or null: a live check run for the declaring
 *     question that connected to every backend it tried ({@code if: live-check-connected})
 * @param question the question it answers (any question of the KB)
 * @param answer the answer it implies
 * @param because why, said with the implied answer
 */
public record Implication(String ifAnswer, String question, String answer, String because) {
  /** How {@code if:} is written for a live check that connected. */
  public static final String LIVE_CHECK_CONNECTED = "live-check-connected";

  /** Whether a live check that connected implies it (rather than an answer). */
  public boolean byLiveCheck() {
    return ifAnswer == null;
  }
}
