package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.RouteTable;

/** Reads {@code Microsoft.Network/routeTables}. */
final class RouteTableParser {

  private RouteTableParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    RouteTable table = new RouteTable(id, Children.name(r, id), ArmId.resourceGroup(id),
        Children.each(p, "routes", RouteTableParser::route), p.bool("disableBgpRoutePropagation", false),
        new Origin(id, file));
    index.routeTables.put(id, table, r.log(), r.path());
  }

  private static RouteTable.Route route(JsonCursor c) {
    JsonCursor p = c.props();
    return new RouteTable.Route(c.text("name"), p.requiredText("addressPrefix"),
        NextHopType.parse(p.requiredText("nextHopType")), p.text("nextHopIpAddress"));
  }
}
