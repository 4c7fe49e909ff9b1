package dev.lbtriage.bot.teams;

/** A Bot Connector call that failed for good (after the retries): the HTTP status (0 when none) and why. */
final class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ConnectorException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
