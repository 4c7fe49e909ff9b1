package dev.lbtriage.engine.gather.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.snapshot.ResourceSet;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.VmScaleSet;
import dev.lbtriage.rules.fleet.FleetLoadBalancer;
import dev.lbtriage.rules.fleet.FrontendZones;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a fleet scan read, page by page: the resources go through the snapshot reader's parsers
 * ({@link ResourceSet}), so each load balancer's facts are the ones a snapshot of it would give. Beside
 * them, what only the fleet hygiene checks read from the same rows: frontend and public IP zones and
 * the number of outbound rules. Not thread-safe while pages are added; read-only afterwards.
 */
public final class FleetFacts {

  private record LbExtras(int outboundRules, List<RawFrontend> frontends) {}

  private record RawFrontend(String name, List<String> zones, String publicIpId, String subnetId) {}

  private final ResourceSet resources = new ResourceSet();
  private final Map<String, LbExtras> extras = new HashMap<>();
  private final Map<String, List<String>> publicIpZones = new HashMap<>();
  private int rows;

  /**
   * Adds one page of rows as Resource Graph returns them (each shaped by {@link GraphRows#shape}, which
   * changes the row); {@code source} names the page in problems.
   */
  public void addRows(List<ObjectNode> page, String source) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(page.size());
    for (ObjectNode row : page) {
      GraphRows.shape(row);
      remember(row);
      array.add(row);
    }
    rows += page.size();
    resources.add(array, source);
  }

  /** Adds the rows of a response's {@code data} (either shape); a problem when it holds neither. */
  public void addData(JsonNode data, String source) {
    try {
      addRows(GraphRows.rows(data), source);
    } catch (IllegalArgumentException e) {
      resources.problem(source, "$.data", e.getMessage());
    }
  }

  ResourceSet resources() {
    return resources;
  }

  /** How many rows were read. */
  public int rows() {
    return rows;
  }

  public List<LoadBalancer> loadBalancers() {
    return resources.loadBalancers();
  }

  /** One load balancer's facts, resolved as a snapshot gather resolves them. */
  public AzureFacts facts(LoadBalancer lb) {
    return resources.resolve(lb);
  }

  /** The problems met reading the rows (bad resources, unreadable pages). */
  public List<SnapshotProblem> problems() {
    return resources.problems();
  }

  /** The load balancer of {@code facts} (from {@link #facts}) as the fleet hygiene rules see it. */
  public FleetLoadBalancer fleetView(AzureFacts facts) {
    LoadBalancer lb = facts.loadBalancers().get(0);
    LbExtras x = extras.getOrDefault(ArmId.normalize(lb.id()), new LbExtras(0, List.of()));
    List<FrontendZones> zones = new ArrayList<>();
    for (RawFrontend f : x.frontends()) {
      if (f.publicIpId() != null) {
        List<String> pip = publicIpZones.get(ArmId.normalize(f.publicIpId()));
        zones.add(new FrontendZones(f.name(), f.publicIpId(), null, pip == null ? List.of() : pip, pip != null));
      } else {
        zones.add(new FrontendZones(f.name(), null, f.subnetId(), f.zones(), true));
      }
    }
    Set<String> fed = new HashSet<>();
    for (VmScaleSet s : facts.vmScaleSets()) {
      s.backendPoolIds().forEach(p -> fed.add(ArmId.normalize(p)));
    }
    return new FleetLoadBalancer(lb, zones, x.outboundRules(), fed);
  }

  private void remember(ObjectNode row) {
    String type = row.path("type").asText("");
    String id = row.path("id").asText(null);
    if (id == null) {
      return;
    }
    if (type.equalsIgnoreCase("microsoft.network/publicipaddresses")) {
      publicIpZones.putIfAbsent(ArmId.normalize(id), strings(row.get("zones")));
    } else if (type.equalsIgnoreCase("microsoft.network/loadbalancers")) {
      JsonNode props = row.path("properties");
      List<RawFrontend> frontends = new ArrayList<>();
      for (JsonNode f : props.path("frontendIPConfigurations")) {
        JsonNode fp = f.path("properties");
        frontends.add(new RawFrontend(f.path("name").asText("?"), strings(f.get("zones")),
            textOrNull(fp.path("publicIPAddress").path("id")), textOrNull(fp.path("subnet").path("id"))));
      }
      extras.putIfAbsent(ArmId.normalize(id), new LbExtras(props.path("outboundRules").size(), frontends));
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(z -> {
        if (z.isValueNode() && !z.asText().isBlank()) {
          out.add(z.asText());
        }
      });
    }
    return out;
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }
}
