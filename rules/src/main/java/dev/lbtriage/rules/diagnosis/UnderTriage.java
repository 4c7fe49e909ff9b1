package dev.lbtriage.rules.diagnosis;

/**
 * The load balancer under triage, once per session whatever the symptoms ({@link Triage}, one per symptom): the
 * classification rules join on it, so a session of several symptoms (a fleet scan) classifies its facts once.
 */
public record UnderTriage(String loadBalancerId) {}
