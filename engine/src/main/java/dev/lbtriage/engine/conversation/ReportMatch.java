package dev.lbtriage.engine.conversation;

import dev.lbtriage.kb.match.MatchResult;
import dev.lbtriage.kb.match.SymptomMatcher;
import java.util.List;
import java.util.Set;

/**
 * The one place the conversation reads the symptom matcher (its public API only: ranked candidates
 * with scores, the confident flag, out-of-scope hits): what the report's words say.
 */
final class ReportMatch {
  static final String PROBE_DOWN = "probe-down";
  static final String DATA_PORT_DOWN = "data-port-down";
  private static final int MAX_CANDIDATES = 3;

  /** What the words say. */
  enum Verdict {
    /** One symptom, confidently. */
    CONFIDENT,
    /** Several; the two best are "probes failing" and "probes healthy, data port down": the facts or one question decide. */
    PROBE_OR_DATA_PORT,
    /** Several, to be picked from a list. */
    AMBIGUOUS,
    /** None. */
    NOTHING
  }

  /** @param pointer where a report about something lb-triage does not cover should go instead (null when none) */
  record Reading(Verdict verdict, List<Candidate> candidates, Set<String> outOfScope, String pointer) {}

  private ReportMatch() {}

  static Reading read(SymptomMatcher matcher, String report) {
    MatchResult r = matcher.assess(report);
    List<Candidate> candidates = r.matches().stream().limit(MAX_CANDIDATES)
        .map(m -> new Candidate(m.symptomId(), m.title(), m.score())).toList();
    Verdict v;
    if (r.confident()) {
      v = Verdict.CONFIDENT;
    } else if (r.ambiguous() && (probeOrDataPort(candidates) || onlyProbeOrDataPort(candidates))) {
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
  static boolean onlyProbeOrDataPort(List<Candidate> candidates) {
    return candidates.size() == 1 && Set.of(PROBE_DOWN, DATA_PORT_DOWN).contains(candidates.get(0).symptomId());
  }

  /** Whether the two best candidates are probe-down and data-port-down, in either order. */
  static boolean probeOrDataPort(List<Candidate> candidates) {
    return candidates.size() >= 2 && Set.of(candidates.get(0).symptomId(), candidates.get(1).symptomId())
        .equals(Set.of(PROBE_DOWN, DATA_PORT_DOWN));
  }
}
