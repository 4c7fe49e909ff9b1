package dev.lbtriage.bot.cli;

/**
 * A failure outside the user's input that a person can act on (not signed in to Azure, Slack out of
 * reach): one line on stderr saying what to do, exit 1, the details in the log file.
 */
public final class ReportedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportedFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
