package dev.lbtriage.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A change the user says was already made to fix the problem (an NSG rule opened, a VM restarted), as the
 * conversation keeps it and the support-case bundle's {@code SUMMARY.md} lists it. Free text in the user's
 * words: {@code --redact} masks it.
 *
 * @param what what was tried, in the user's words
 * @param by who said it (a user name as the face knows it); null when given on the command line
 * @param at when it was said
 * @param source how it was given: {@link #COMMAND} ({@code tried ...}), {@link #STATEMENT} (said after a
 *     conclusion, "I already opened port 80 in the NSG, still failing") or {@link #COMMAND_LINE} ({@code --tried})
 * @param stillFailing whether the user said it did not help
 */
public record RemediationTried(String what, String by, Instant at, String source, boolean stillFailing) {
  /** Given with the chat's {@code tried ...} command. */
  public static final String COMMAND = "tried command";
  /** Read from a statement after the conclusion. */
  public static final String STATEMENT = "said after the conclusion";
  /** Given with {@code --tried} on the command line. */
  public static final String COMMAND_LINE = "command line";
  /** Longest text kept for one entry. */
  public static final int MAX_CHARS = 500;

  /** "still failing", "still down", "didn't help", "no luck", "same problem". */
  static final Pattern STILL_FAILING = Pattern.compile("(?i)\\bstill\\s+(?:\\w+\\s+){0,3}?(?:fail\\w*|down|unhealthy|broken|"
      + "not\\b|no\\b|doesn't|does\\s+not|isn't|is\\s+not|won't|can't|cannot|tim\\w+\\s+out|the\\s+same|unreachable|red|dead|0\\s*%|"
      + "zero|refus\\w*|blocked|denied|an?\\s+(?:issue|problem|error))|\\b(?:didn't|did\\s+not|doesn't|does\\s+not|hasn't|has\\s+not)"
      + "\\s+(?:help|work|fix|change\\s+anything|solve|clear)|\\bno\\s+(?:luck|change|difference|effect)\\b|\\bsame\\s+(?:error|problem|"
      + "result|issue)\\b");
  public RemediationTried {
    Objects.requireNonNull(what, "what");
    what = what.strip();
    source = source == null || source.isBlank() ? COMMAND : source;
  }

  /** Whether the text says the change did not help ("still failing", "no change", "didn't help"). */
  public static boolean saysStillFailing(String text) {
    return text != null && STILL_FAILING.matcher(text).find();
  }
}
