package dev.lbtriage.rules.diagnosis;

/**
 * Classification: a backend the questions should go to: one whose probe health is 0, or every
 * backend when no metric names the failing ones.
 */
public record Suspect(String backendIp, String evidence) {}
