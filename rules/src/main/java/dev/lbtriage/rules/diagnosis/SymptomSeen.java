package dev.lbtriage.rules.diagnosis;

/**
 * A fact shows the symptom itself (not its cause), e.g. {@code DipAvailability} at 0 for a backend.
 */
public record SymptomSeen(String symptom, String subject, String evidence) {}
