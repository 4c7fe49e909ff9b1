package dev.lbtriage.engine.conversation;

import java.time.Instant;

/**
 * An answer as the conversation keeps it.
 *
 * @param question the KB question id, e.g. {@code probe-port-listening}
 * @param value the normalised value: {@code yes}, {@code no}, {@code unknown}, an address, a port, text
 * @param by who answered (a user name as the face knows it); for an answer read from the report, who confirmed it
 * @param at when
 * @param source where the answer came from: {@link #TYPED} (null in sessions saved before sources existed),
 *     {@link #REPORT} (a statement of the report the user confirmed) or {@link #HEDGED} (a hedged answer the
 *     user confirmed)
 * @param quote the user's own words the answer was read from (a clause of the report, a hedged answer), may be null
 */
public record RecordedAnswer(String question, String value, String by, Instant at, String source, String quote) {
  /** Answered to the question. */
  public static final String TYPED = "typed";
  /** Read from the report and confirmed. */
  public static final String REPORT = "report";
  /** A hedged answer ("I think so") the user confirmed. */
  public static final String HEDGED = "hedged";

  public RecordedAnswer {
    source = source == null || source.isBlank() ? TYPED : source;
  }

  /** An answer typed to the question. */
  public RecordedAnswer(String question, String value, String by, Instant at) {
    this(question, value, by, at, TYPED, null);
  }

  /** Whether it came from the report. */
  public boolean fromReport() {
    return REPORT.equals(source);
  }

  /** The same answer confirmed by {@code who} at {@code when}. */
  RecordedAnswer confirmedBy(String who, Instant when) {
    return new RecordedAnswer(question, value, who, when, source, quote);
  }
}
