package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.Origin;

/** Reads {@code Microsoft.Network/networkSecurityGroups}: custom and default rules. */
final class NsgParser {

  private NsgParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    NetworkSecurityGroup nsg = new NetworkSecurityGroup(id, Children.name(r, id), ArmId.resourceGroup(id),
        Children.each(p, "securityRules", c -> SecurityRuleParser.parse(c, id, false)),
        Children.each(p, "defaultSecurityRules", c -> SecurityRuleParser.parse(c, id, true)),
        new Origin(id, file));
    index.nsgs.put(id, nsg, r.log(), r.path());
  }
}
