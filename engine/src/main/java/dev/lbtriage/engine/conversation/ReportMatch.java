package dev.lbtriage.engine.conversation;

import dev.lbtriage.kb.match.MatchResult;
import dev.lbtriage.kb.match.SymptomMatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place the conversation reads the symptom matcher (its public API only: ranked candidates
 * with scores, the confident flag, out-of-scope hits): what the report's words say.
 */
final class ReportMatch {
  private static final int MAX_CANDIDATES = 3;

  /** What the words say. */
  enum Verdict {
    /** One symptom, confidently. */
    CONFIDENT,
    /**
     * Several; the two best are the KB's pair told apart by Health Probe Status ("probes failing" and "probes healthy,
     * data port down"): the facts or one question decide.
     */
    PROBE_OR_DATA_PORT,
    /** Several, to be picked from a list. */
    AMBIGUOUS,
    /** None. */
    NOTHING
  }

  /** @param pointer where a report about something lb-triage does not cover should go instead (null when none) */
  record Reading(Verdict verdict, List<Candidate> candidates, Set<String> outOfScope, String pointer) {}

  private ReportMatch() {}

  static Reading read(SymptomMatcher matcher, Optional<ProbeHealthVerdict.Pair> pair, String report) {
    MatchResult r = matcher.assess(report);
    List<Candidate> candidates = r.matches().stream().limit(MAX_CANDIDATES)
        .map(m -> new Candidate(m.symptomId(), m.title(), m.score())).toList();
    Verdict v;
    if (r.confident()) {
      v = Verdict.CONFIDENT;
    } else if (r.ambiguous() && (probeOrDataPort(pair, candidates) || onlyProbeOrDataPort(pair, candidates))) {
      v = Verdict.PROBE_OR_DATA_PORT;
    } else if (r.ambiguous()) {
      v = Verdict.AMBIGUOUS;
    } else {
      v = Verdict.NOTHING;
    }
    return new Reading(v, candidates, r.outOfScopeHits(), r.outOfScopePointer().orElse(null));
  }

  /**
   * A single uncertain candidate that is one of the two: the words do not settle it, and the same
   * facts (Health Probe Status) or the same one question do.
   */
  static boolean onlyProbeOrDataPort(Optional<ProbeHealthVerdict.Pair> pair, List<Candidate> candidates) {
    return candidates.size() == 1 && pair.isPresent() && pair.get().either(candidates.get(0).symptomId());
  }

  /** Whether the two best candidates are the pair Health Probe Status tells apart, in either order. */
  static boolean probeOrDataPort(Optional<ProbeHealthVerdict.Pair> pair, List<Candidate> candidates) {
    return candidates.size() >= 2 && pair.isPresent()
        && pair.get().both(List.of(candidates.get(0).symptomId(), candidates.get(1).symptomId()));
  }
}
