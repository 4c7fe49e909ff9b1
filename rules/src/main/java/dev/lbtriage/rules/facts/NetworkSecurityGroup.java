package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A network security group with its custom rules and its default rules. When a payload omits the
 * default rules (az prints them only with {@code --include-default}), {@code defaultRules} is
 * empty and the evaluator supplies Azure's six.
 */
public record NetworkSecurityGroup(
    String id, String name, String resourceGroup, List<SecurityRule> rules, List<SecurityRule> defaultRules, Origin origin) {
  public NetworkSecurityGroup {
    rules = List.copyOf(rules);
    defaultRules = List.copyOf(defaultRules);
  }
}
