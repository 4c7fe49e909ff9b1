package dev.lbtriage.engine.conversation;

/**
 * A symptom the report may describe, as the matcher ranked it.
 *
 * @param score calibrated confidence in [0, 1]
 */
public record Candidate(String symptomId, String title, double score) {}
