package dev.lbtriage.rules.diagnosis;

/**
 * The NSG rule that decided a flow, so a fix can name it.
 *
 * @param nsgId the NSG's ARM id
 * @param ruleName the rule's name as Azure lists it (effective rules: without the {@code securityRules/} prefix)
 * @param priority the rule's priority
 * @param usedPriorities the priorities already taken in that NSG (same direction), to pick a free one
 */
public record DecidingRule(String nsgId, String ruleName, int priority, java.util.List<Integer> usedPriorities) {
  public DecidingRule {
    usedPriorities = java.util.List.copyOf(usedPriorities);
  }
}
