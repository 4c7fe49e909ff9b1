package dev.lbtriage.engine.gather.snapshot;

import java.util.Locale;
import java.util.Map;

/**
 * Sends each resource of a file to its parser by {@code type} (compared without regard to case).
 * A file may hold one resource, an ARM list {@code {"value":[...]}}, or a JSON array of either.
 */
final class ResourceDispatcher {

  /** A parser of one resource type. */
  @FunctionalInterface
  interface Parser {
    void parse(JsonCursor resource, String file, SnapshotIndex index);
  }

  private static final Map<String, Parser> PARSERS = Map.ofEntries(
      Map.entry("microsoft.network/loadbalancers", LoadBalancerParser::parse),
      Map.entry("microsoft.network/networkinterfaces", NicParser::parse),
      Map.entry("microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces", NicParser::parse),
      Map.entry("microsoft.compute/virtualmachines", VmParser::parse),
      Map.entry("microsoft.compute/virtualmachinescalesets/virtualmachines", VmParser::parse),
      Map.entry("microsoft.network/virtualnetworks", NetworkParser::parseVnet),
      Map.entry("microsoft.network/virtualnetworks/subnets", NetworkParser::parseSubnet),
      Map.entry("microsoft.network/networksecuritygroups", NsgParser::parse),
      Map.entry("microsoft.network/routetables", RouteTableParser::parse),
      Map.entry("microsoft.network/publicipaddresses", PublicIpParser::parse),
      Map.entry("microsoft.compute/virtualmachinescalesets", VmssParser::parse),
      Map.entry("microsoft.insights/metrics", MetricsParser::parse),
      Map.entry("albhealthevent", HealthEventParser::parse),
      Map.entry("microsoft.resourcehealth/availabilitystatuses", ResourceHealthParser::parse));

  private static final int MAX_LIST_DEPTH = 3;

  private ResourceDispatcher() {}

  static void dispatch(JsonCursor root, String file, SnapshotIndex index) {
    dispatch(root, file, index, 0);
  }

  private static void dispatch(JsonCursor node, String file, SnapshotIndex index, int depth) {
    if (depth > MAX_LIST_DEPTH) {
      node.log().error(node.path(), "lists nested too deep; expected resources");
      return;
    }
    if (node.node().isArray()) {
      node.elements().forEach(e -> dispatch(e, file, index, depth + 1));
      return;
    }
    if (!node.node().isObject()) {
      node.log().error(node.path(), "expected a resource object or a list, found " + JsonTypes.kind(node.node()));
      return;
    }
    if (LogTables.is(node.node())) {
      LogTables.rows(node).forEach(row -> resource(new JsonCursor(row, node.path() + ".tables[rows]", node.log()), file, index));
      return;
    }
    if (!node.has("type") && node.has("value")) {
      node.array("value").forEach(e -> dispatch(e, file, index, depth + 1));
      return;
    }
    resource(node, file, index);
  }

  private static void resource(JsonCursor r, String file, SnapshotIndex index) {
    try {
      String type = r.requiredText("type");
      Parser parser = PARSERS.get(type.trim().toLowerCase(Locale.ROOT));
      if (parser == null) {
        r.log().note(r.path(), "skipped resource of type " + type);
        return;
      }
      parser.parse(r, file, index);
    } catch (FieldException e) {
      r.log().error(e);
    } catch (RuntimeException e) {
      r.log().error(r.path(), "could not read this resource: " + e);
    }
  }
}
