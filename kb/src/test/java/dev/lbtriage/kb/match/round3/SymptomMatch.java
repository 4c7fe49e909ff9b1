package dev.lbtriage.kb.match.round3;

/**
 * One candidate entry point for a report.
 *
 * @param symptomId the symptom's stable id, e.g. {@code probe-down}
 * @param title the symptom's title
 * @param score calibrated confidence in [0, 1], comparable across reports (see {@link SymptomMatcher})
 */
public record SymptomMatch(String symptomId, String title, double score) {}
