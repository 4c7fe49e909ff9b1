package dev.lbtriage.engine.conversation;

/** What a user line asks for, read before it is taken as an answer. See {@link CommandParser}. */
sealed interface Command {
  record Help() implements Command {}

  record Why() implements Command {}

  record Summary() implements Command {}

  /** {@code details} or {@code support}: the parts of the conclusion its first screen leaves out. */
  record More(Part part) implements Command {
    enum Part {
      DETAILS,
      SUPPORT
    }
  }

  /** {@code bundle}, {@code support bundle}, {@code bundle redact}: the support-case bundle of the conversation so far. */
  record Bundle(boolean redact) implements Command {}

  /**
   * {@code tried: WHAT} (or, after a conclusion, {@code tried WHAT}): remediation already tried, for the
   * bundle's SUMMARY.md.
   *
   * @param what what was tried, in the user's words; null for a bare {@code tried}
   * @param colon written {@code tried: WHAT}, a command at any stage; without the colon it is one only
   *     after a conclusion (before, "tried telnet, no answer" is an answer or a report)
   */
  record Tried(String what, boolean colon) implements Command {}

  record Back() implements Command {}

  /**
   * @param target an answer's number (1-based, as the summary lists them) or a question id
   * @param value the new answer, null to be asked the question again
   */
  record Change(String target, String value) implements Command {}

  record Restart() implements Command {}

  /** {@code refresh}: read the load balancer's facts again (after a fix) and diagnose anew. */
  record Refresh() implements Command {}

  record Quit() implements Command {}

  /** Anything else: an answer, a choice or a report, depending on the stage. */
  record Input(String text) implements Command {}
}
