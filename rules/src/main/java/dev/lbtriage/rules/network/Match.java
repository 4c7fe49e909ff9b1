package dev.lbtriage.rules.network;

/** Three-valued answer to "does this rule (or part of it) match the flow?". */
public enum Match {
  YES,
  NO,
  /** The facts cannot tell: an unresolvable service tag, an unknown ASG membership, a partial cover. */
  UNKNOWN;

  public Match and(Match other) {
    if (this == NO || other == NO) {
      return NO;
    }
    return this == YES && other == YES ? YES : UNKNOWN;
  }

  public Match or(Match other) {
    if (this == YES || other == YES) {
      return YES;
    }
    return this == NO && other == NO ? NO : UNKNOWN;
  }

  public static Match of(boolean b) {
    return b ? YES : NO;
  }
}
