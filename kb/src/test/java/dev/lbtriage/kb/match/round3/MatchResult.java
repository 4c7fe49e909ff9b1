package dev.lbtriage.kb.match.round3;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link SymptomMatcher#assess(String)} found for one report, with the verdict a caller acts on.
 *
 * <ul>
 *   <li>{@link #confident()}: start that triage. The matcher says confident only at scores where the
 *       development data showed at least 97 % precision (see {@link SymptomMatcher}).
 *   <li>{@link #ambiguous()}: show {@link #matches()} (the alternatives, best first) and ask the
 *       question that splits them.
 *   <li>{@link #nothingMatched()}: the KB does not cover it; {@link #outOfScopeTopic()} says what it
 *       seems to be about (SNAT, outbound, idle timeout, Application Gateway, DNS, other) when known.
 * </ul>
 *
 * @param matches candidate symptoms, best first (empty when nothing matched)
 * @param outOfScopeHits entries of the out-of-scope list found in the report
 * @param verdict the decision
 * @param topic what an out-of-scope report is about, or {@code null}
 * @param explanation what drove the choice
 */
public record MatchResult(
    List<SymptomMatch> matches, Set<String> outOfScopeHits, Verdict verdict, OutOfScopeTopic topic,
    MatchExplanation explanation) {

  /** The decision on a report. */
  public enum Verdict {
    CONFIDENT,
    AMBIGUOUS,
    NOTHING_MATCHED
  }

  /** Below this a symptom is not offered as a candidate. */
  public static final double MIN_SCORE = 0.20;

  /**
   * The score at and above which a best match may be confident (with a clear margin over the
   * runner-up and over "none of these"); calibrated on the development part of the real reports.
   */
  public static final double CONFIDENT = SymptomMatcher.CONFIDENT_SCORE;

  /** ...and the runner-up must score at most this fraction of the best (a verdict built from scores only). */
  public static final double MAX_RUNNER_UP_RATIO = 0.75;

  public MatchResult {
    matches = List.copyOf(matches);
    outOfScopeHits = Set.copyOf(outOfScopeHits);
    if (verdict == null) {
      verdict = verdictFromScores(matches);
    }
    if (verdict == Verdict.NOTHING_MATCHED) {
      matches = List.of();
    }
    explanation = explanation == null ? MatchExplanation.EMPTY : explanation;
  }

  /** A result judged from the scores alone (no topic, no explanation), as before issue 14. */
  public MatchResult(List<SymptomMatch> matches, Set<String> outOfScopeHits) {
    this(matches, outOfScopeHits, null, null, null);
  }

  private static Verdict verdictFromScores(List<SymptomMatch> matches) {
    if (matches.isEmpty()) {
      return Verdict.NOTHING_MATCHED;
    }
    boolean confident = matches.get(0).score() >= CONFIDENT
        && (matches.size() < 2 || matches.get(1).score() <= MAX_RUNNER_UP_RATIO * matches.get(0).score());
    return confident ? Verdict.CONFIDENT : Verdict.AMBIGUOUS;
  }

  /** The best match, if any. */
  public Optional<SymptomMatch> best() {
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
  }

  public boolean nothingMatched() {
    return verdict == Verdict.NOTHING_MATCHED;
  }

  public boolean confident() {
    return verdict == Verdict.CONFIDENT;
  }

  public boolean ambiguous() {
    return verdict == Verdict.AMBIGUOUS;
  }

  /** What an out-of-scope report seems to be about, when the matcher can tell. */
  public Optional<OutOfScopeTopic> outOfScopeTopic() {
    return Optional.ofNullable(topic);
  }

  /** The sentence to show with "nothing matched", when the topic is known. */
  public Optional<String> outOfScopePointer() {
    return outOfScopeTopic().map(OutOfScopeTopic::pointer);
  }
}
