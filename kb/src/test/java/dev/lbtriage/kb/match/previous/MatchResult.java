package dev.lbtriage.kb.match.previous;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link SymptomMatcher#match(String)} found for one report, with the verdict a caller acts on.
 *
 * <ul>
 *   <li>{@link #confident()}: the best score is at least {@link #CONFIDENT} and the runner-up is at
 *       most {@link #MAX_RUNNER_UP_RATIO} of it: start that triage.
 *   <li>{@link #nothingMatched()}: no symptom scores {@link #MIN_SCORE} or more: say the KB does not
 *       cover it (the report may be out of scope; see {@link #outOfScopeHits()}).
 *   <li>{@link #ambiguous()}: anything else: show the candidates and ask.
 * </ul>
 *
 * @param matches symptoms scoring at least {@link #MIN_SCORE}, best first
 * @param outOfScopeHits entries of the out-of-scope list found in the report
 */
public record MatchResult(List<SymptomMatch> matches, Set<String> outOfScopeHits) {

  /** Below this a symptom is not reported at all. */
  public static final double MIN_SCORE = 0.20;

  /** The best match must reach this to be acted on without asking. */
  public static final double CONFIDENT = 0.55;

  /** ...and the runner-up must score at most this fraction of the best. */
  public static final double MAX_RUNNER_UP_RATIO = 0.75;

  public MatchResult {
    matches = List.copyOf(matches);
    outOfScopeHits = Set.copyOf(outOfScopeHits);
  }

  /** The best match, if any symptom reached {@link #MIN_SCORE}. */
  public Optional<SymptomMatch> best() {
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
  }

  public boolean nothingMatched() {
    return matches.isEmpty();
  }

  public boolean confident() {
    if (matches.isEmpty() || matches.get(0).score() < CONFIDENT) {
      return false;
    }
    return matches.size() < 2 || matches.get(1).score() <= MAX_RUNNER_UP_RATIO * matches.get(0).score();
  }

  public boolean ambiguous() {
    return !nothingMatched() && !confident();
  }
}
