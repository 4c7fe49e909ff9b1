package dev.lbtriage.bot.teams;

/**
 * An inbound request refused before anything runs: {@code status} 401 (no usable, validly signed, unexpired
 * token) or 403 (a valid token that is not for this bot, this channel or this service URL).
 */
final class Rejected extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  Rejected(int status, String reason) {
    super(reason);
    this.status = status;
  }

  static Rejected unauthenticated(String reason) {
    return new Rejected(401, reason);
  }

  static Rejected forbidden(String reason) {
    return new Rejected(403, reason);
  }

  int status() {
    return status;
  }
}
