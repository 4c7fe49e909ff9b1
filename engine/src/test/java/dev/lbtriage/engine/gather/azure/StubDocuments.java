package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A scenario folder as the stub serves it: documents by lower-cased id (metrics by
 * {@code <lb id>/providers/microsoft.insights/metrics|<metric>}), effective-rules/routes results by
 * {@code <nic id>/<action>} (the NIC found by the file name's stem), and the load balancers.
 */
record StubDocuments(Map<String, JsonNode> gets, Map<String, JsonNode> actions, List<JsonNode> loadBalancers) {

  static StubDocuments load(Path scenario) throws IOException {
    Map<String, JsonNode> gets = new HashMap<>();
    Map<String, JsonNode> actions = new HashMap<>();
    List<JsonNode> loadBalancers = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(scenario)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Map<String, String> nicIdsByName = new HashMap<>();
    for (Path f : files) {
      JsonNode doc = StubArm.JSON.readTree(f.toFile());
      String name = f.getFileName().toString();
      if (name.startsWith("health-events")) { // a Log Analytics query response, served at <lb id>/providers/microsoft.insights/logs
        continue;
      }
      if (name.startsWith("metrics-")) {
        String id = doc.path("value").get(0).path("id").asText();
        int slash = id.lastIndexOf('/');
        gets.put(StubArm.key(id.substring(0, slash)) + "|" + StubArm.key(id.substring(slash + 1)), doc);
      } else if (!name.contains(".effective-")) {
        gets.put(StubArm.key(doc.path("id").asText()), doc);
        if (doc.path("type").asText().equalsIgnoreCase("Microsoft.Network/networkInterfaces")) {
          nicIdsByName.put(doc.path("name").asText(), doc.path("id").asText());
        }
        if (doc.path("type").asText().equalsIgnoreCase("Microsoft.Network/loadBalancers")) {
          loadBalancers.add(doc);
        }
      }
    }
    for (Path f : files) {
      if (f.getFileName().toString().startsWith("health-events") && !loadBalancers.isEmpty()) {
        gets.put(StubArm.key(loadBalancers.get(0).path("id").asText() + HealthReads.LOGS_PATH), StubArm.JSON.readTree(f.toFile()));
      }
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      int at = name.indexOf(".effective-");
      if (at > 0) {
        String action = name.endsWith("effective-nsg.json") ? "effectiveNetworkSecurityGroups" : "effectiveRouteTable";
        actions.put(StubArm.key(nicIdsByName.get(name.substring(0, at)) + "/" + action), StubArm.JSON.readTree(f.toFile()));
      }
    }
    return new StubDocuments(Map.copyOf(gets), Map.copyOf(actions), List.copyOf(loadBalancers));
  }
}
