package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveRoutes.EffectiveRoute;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.RouteOrigin;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code <nic-name>.effective-routes.json}: {@code {"value":[{source, state, addressPrefix[],
 * nextHopType, nextHopIpAddress[]}]}} as ARM and az {@code nic show-effective-route-table} print
 * it, or a bare array. The payload never names its NIC, so the file name does.
 */
final class EffectiveRoutesParser {

  static final String SUFFIX = ".effective-routes.json";

  private EffectiveRoutesParser() {}

  static void parse(JsonCursor root, String file, String nicName, SnapshotIndex index) {
    List<EffectiveRoute> routes = new ArrayList<>();
    for (JsonCursor c : entries(root, "value")) {
      if (!c.node().isObject()) {
        c.log().error(c.path(), "expected an object, found " + JsonTypes.kind(c.node()));
        continue;
      }
      try {
        routes.add(route(c));
      } catch (FieldException e) {
        c.log().error(e);
      }
    }
    index.effectiveRoutes.add(new EffectiveRoutes(null, nicName, routes, new Origin(null, file)));
  }

  private static EffectiveRoute route(JsonCursor c) {
    String state = c.text("state");
    return new EffectiveRoute(c.text("name"), RouteOrigin.parse(c.text("source")),
        state == null || !state.equalsIgnoreCase("Invalid"), c.strings("addressPrefix"),
        NextHopType.parse(c.requiredText("nextHopType")), c.strings("nextHopIpAddress"));
  }

  /** The entries of a list payload: a bare array, {@code value}, or the given az field. */
  static List<JsonCursor> entries(JsonCursor root, String azField) {
    if (root.node().isArray()) {
      return root.elements();
    }
    if (!root.node().isObject()) {
      root.log().error(root.path(), "expected an object or an array, found " + JsonTypes.kind(root.node()));
      return List.of();
    }
    if (root.has("value") || !root.has(azField)) {
      if (!root.has("value")) {
        root.log().error(root.path() + ".value", "missing required field 'value'");
      }
      return root.array("value");
    }
    return root.array(azField);
  }
}
