package dev.lbtriage.engine.session;

/**
 * A turn could not be saved because the conversation moved on meanwhile (another replica saved a turn of it
 * first, or took over the input this turn was answering). Nothing was written; the caller reloads the
 * conversation and runs the turn again (or drops it, when its input was taken over), and sends none of the
 * replies of the lost turn.
 */
public final class TurnConflictException extends RuntimeException {
  public TurnConflictException(String message) {
    super(message);
  }
}
