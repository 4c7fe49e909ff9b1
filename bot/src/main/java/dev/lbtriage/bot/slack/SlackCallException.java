package dev.lbtriage.bot.slack;

/** A Slack Web API call that failed for good (after retries). The message names the method and Slack's error, never a token. */
public final class SlackCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SlackCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
