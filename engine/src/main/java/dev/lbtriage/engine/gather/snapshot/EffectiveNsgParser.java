package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.EffectiveSecurityRules.EffectiveNsg;
import dev.lbtriage.rules.facts.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code <nic-name>.effective-nsg.json}: the ARM action result {@code {"value":[...]}}, az
 * {@code nic list-effective-nsg}'s {@code {"networkSecurityGroups":[...]}}, or a bare array. The
 * NIC is named by the association when the payload has one, else by the file name ({@link
 * TopologyResolver} then finds the NIC by name).
 */
final class EffectiveNsgParser {

  static final String SUFFIX = ".effective-nsg.json";

  private EffectiveNsgParser() {}

  static void parse(JsonCursor root, String file, String nicName, SnapshotIndex index) {
    List<EffectiveNsg> parsed = new ArrayList<>();
    String nicId = null;
    for (JsonCursor g : EffectiveRoutesParser.entries(root, "networkSecurityGroups")) {
      if (!g.node().isObject()) {
        g.log().error(g.path(), "expected an object, found " + JsonTypes.kind(g.node()));
        continue;
      }
      try {
        EffectiveNsg group = group(g);
        parsed.add(group);
        nicId = nicId != null ? nicId : group.nicId();
      } catch (FieldException e) {
        g.log().error(e);
      }
    }
    index.effectiveSecurityRules.add(new EffectiveSecurityRules(nicId, nicName, parsed, new Origin(nicId, file)));
  }

  private static EffectiveNsg group(JsonCursor g) {
    String nsgId = g.refId("networkSecurityGroup");
    JsonCursor association = g.child("association").orElse(g);
    return new EffectiveNsg(nsgId, association.refId("subnet"), association.refId("networkInterface"),
        Children.each(g, "effectiveSecurityRules", r -> SecurityRuleParser.parse(r, nsgId, false)));
  }
}
