package dev.lbtriage.rules.diagnosis;

/**
 * The symptom under triage and the load balancer it concerns; the rules of other symptoms stay quiet.
 *
 * @param symptom a KB symptom id, e.g. {@code probe-down}
 * @param loadBalancerId the ARM id of the load balancer
 */
public record Triage(String symptom, String loadBalancerId) {}
