package dev.lbtriage.kb.model;

import java.util.regex.Pattern;

/**
 * One pattern over a clause of a user's report and what a match says ({@code fromReport:} in the KB).
 *
 * @param pattern matched, case-insensitively, against one lower-cased clause of the report
 * @param says the answer it reads ({@code yes}/{@code no}), toward ({@code yes}) or away from ({@code no}) a cause; null
 *     when the pattern's first group is the value (an ip-address question)
 * @param strength whether it answers (confirmed once by the user) or only hints
 * @param negated the pattern itself holds a negation, so it may match a clause that has one (no other reading does)
 */
public record ReportReading(Pattern pattern, String says, Strength strength, boolean negated) {
  /** What a match is worth. */
  public enum Strength {
    /** Unambiguous: becomes an answer once the user confirms it. */
    ANSWER,
    /** Suggestive: reorders the questions, answers nothing. */
    LEAD
  }
}
