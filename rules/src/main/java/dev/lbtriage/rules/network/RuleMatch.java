package dev.lbtriage.rules.network;

/**
 * Whether one security rule matches a flow, and when the answer is {@link Match#UNKNOWN}, why.
 *
 * @param reason null unless the match is unknown
 */
public record RuleMatch(Match match, String reason) {
  public static final RuleMatch YES = new RuleMatch(Match.YES, null);
  public static final RuleMatch NO = new RuleMatch(Match.NO, null);

  public static RuleMatch unknown(String reason) {
    return new RuleMatch(Match.UNKNOWN, reason);
  }

  public RuleMatch and(RuleMatch other) {
    Match m = match.and(other.match);
    return m == Match.UNKNOWN ? unknown(join(this, other)) : m == Match.YES ? YES : NO;
  }

  public RuleMatch or(RuleMatch other) {
    Match m = match.or(other.match);
    return m == Match.UNKNOWN ? unknown(join(this, other)) : m == Match.YES ? YES : NO;
  }

  private static String join(RuleMatch a, RuleMatch b) {
    if (a.reason == null) {
      return b.reason;
    }
    if (b.reason == null || b.reason.equals(a.reason)) {
      return a.reason;
    }
    return a.reason + "; " + b.reason;
  }
}
