package dev.lbtriage.bot.cli;

/** Thrown by a command when the user's input (a file, a flag value, an answer) cannot be used. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
