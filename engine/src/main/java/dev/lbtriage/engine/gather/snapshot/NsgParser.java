package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.SecurityRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Microsoft.Network/networkSecurityGroups}: custom and default rules. A rule that cannot be read (a
 * value Azure would not accept, a missing field, not an object) is reported and left out, and so is a rule list
 * that is not a list; each such rule is also kept as a {@link MissingFact} of kind {@link MissingFact#SECURITY_RULE}
 * referenced by the NSG, so that the NSG is known to be incomplete: its other rules alone decide nothing for sure.
 */
final class NsgParser {

  private NsgParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    List<MissingFact> leftOut = new ArrayList<>();
    NetworkSecurityGroup nsg = new NetworkSecurityGroup(id, Children.name(r, id), ArmId.resourceGroup(id),
        rules(p, "securityRules", id, false, leftOut),
        rules(p, "defaultSecurityRules", id, true, leftOut),
        new Origin(id, file));
    if (index.nsgs.put(id, nsg, r.log(), r.path())) {
      index.leftOutRules.put(ArmId.normalize(id), List.copyOf(leftOut));
    }
  }

  /** The rules of one list; each rule (or the whole list) that cannot be read is reported and added to {@code leftOut}. */
  private static List<SecurityRule> rules(JsonCursor p, String field, String nsgId, boolean isDefault, List<MissingFact> leftOut) {
    java.util.Optional<JsonCursor> list = p.child(field);
    if (list.isEmpty() || list.get().node().isNull()) {
      return List.of();
    }
    if (!list.get().node().isArray()) {
      list.get().elements(); // reports "expected an array"
      leftOut.add(new MissingFact(MissingFact.SECURITY_RULE, nsgId + "/" + field, nsgId, MissingFacts.LEFT_OUT));
      return List.of();
    }
    List<SecurityRule> out = new ArrayList<>();
    for (JsonCursor c : list.get().elements()) {
      if (!c.node().isObject()) {
        c.log().error(c.path(), "expected an object, found " + JsonTypes.kind(c.node()));
        leftOut.add(new MissingFact(MissingFact.SECURITY_RULE, reference(c, nsgId, field), nsgId, MissingFacts.LEFT_OUT));
        continue;
      }
      try {
        out.add(SecurityRuleParser.parse(c, nsgId, isDefault));
      } catch (FieldException e) {
        c.log().error(e);
        leftOut.add(new MissingFact(MissingFact.SECURITY_RULE, reference(c, nsgId, field), nsgId, MissingFacts.LEFT_OUT));
      }
    }
    return out;
  }

  /** The left-out rule's id, else one built from its name, else its place in the list (read as given, not validated). */
  private static String reference(JsonCursor c, String nsgId, String field) {
    com.fasterxml.jackson.databind.JsonNode id = c.node().path("id");
    if (id.isTextual() && !id.asText().isBlank()) {
      return id.asText();
    }
    com.fasterxml.jackson.databind.JsonNode name = c.node().path("name");
    String at = c.path();
    return nsgId + "/" + field + (name.isTextual() && !name.asText().isBlank() ? "/" + name.asText() : at.substring(at.lastIndexOf('[')));
  }
}
