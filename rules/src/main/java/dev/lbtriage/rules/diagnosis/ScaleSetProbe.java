package dev.lbtriage.rules.diagnosis;

/**
 * Classification: a load-balancing rule's probe is the health probe of a VM scale set in the rule's pool.
 */
public record ScaleSetProbe(String ruleId, String ruleName, String vmssId, String probeId, String evidence) {}
