package dev.lbtriage.engine.session;

/**
 * A turn could not be saved because the conversation moved on meanwhile (another replica saved a turn of it
 * first, or took over the input this turn was answering). Nothing was written; the caller reloads the
 * conversation and runs the turn again (or drops it, when its input was taken over), and sends none of the
 * replies of the lost turn.
 */
public final class TurnConflictException extends RuntimeException {
  private final boolean inputTakenOver;

  public TurnConflictException(String message) {
    this(message, false);
  }

  public TurnConflictException(String message, boolean inputTakenOver) {
    super(message);
    this.inputTakenOver = inputTakenOver;
  }

  /** True when the input of the turn was taken over by another replica (which answers it): drop the turn. */
  public boolean inputTakenOver() {
    return inputTakenOver;
  }
}
