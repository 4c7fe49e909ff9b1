package dev.lbtriage.engine.gather.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fleet of load balancers as Resource Graph rows, generated in memory from the example scenarios
 * under {@code examples/} (real ARM payloads, see each example's NOTES.md). Load balancer {@code i}
 * is a copy of template {@code PLACES[i % PLACES.length]}: a healthy example at most places, an
 * example with a known fault at the others, so every fault sits at a known place. A copy gets its
 * own subscription ({@code i % subscriptions}) and resource groups ({@code <rg>-f<i>}); every ARM id
 * inside it is rewritten so, and nothing else. Each resource is turned into the row Resource Graph
 * returns for {@code project id, name, type, location, resourceGroup, subscriptionId, sku, zones, properties}:
 * type lower-cased, {@code resourceGroup} and {@code subscriptionId} added, and a VM's instance view
 * power state moved to {@code properties.extended.instanceView.powerState} (where Resource Graph has it:
 * Learn, Resource Graph sample queries for Compute, {@code properties.extended.instanceView.powerState.code}).
 * Files Resource Graph does not return (metrics, effective rules and routes) are left out.
 */
public final class GeneratedFleet {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCOPE = Pattern.compile("(?i)/subscriptions/([^/\"]+)/resourceGroups/([^/\"]+)");

  /** The examples a fleet is built from, each with what a scan must find in it (the seed's causes only). */
  public enum Template {
    HEALTHY("healthy"),
    VM_DEALLOCATED("vm-deallocated", "vm-unhealthy"),
    NSG_DENY_ALL_NIC("nsg-deny-all-nic", "probe-port-blocked"),
    NSG_DENY_ALL_SUBNET("nsg-deny-all-subnet", "probe-port-blocked"),
    NSG_ASG_BLOCKS_PROBE("nsg-asg-rule-blocks-probe", "probe-port-blocked"),
    STANDARD_PUBLIC_NO_NSG("standard-public-no-nsg", "data-port-blocked"),
    VMSS_MODEL_NSG_BLOCKS_PROBE("vmss-model-nsg-blocks-probe", "probe-port-blocked"),
    VMSS_PROBE_LOCKS_PORT("vmss-probe-locks-port", "vmss-probe-locks-backend-port"),
    UDR_VIRTUAL_APPLIANCE("udr-virtual-appliance", "probe-misconfigured");

    public final String example;
    public final List<String> causes;

    Template(String example, String... causes) {
      this.example = example;
      this.causes = List.of(causes);
    }
  }

  /** Where each template goes: healthy at 12 of every 20 places, each fault once (two for a deallocated VM). */
  public static final List<Template> PLACES = List.of(Template.HEALTHY, Template.VM_DEALLOCATED, Template.HEALTHY,
      Template.NSG_DENY_ALL_NIC, Template.HEALTHY, Template.NSG_DENY_ALL_SUBNET, Template.HEALTHY,
      Template.NSG_ASG_BLOCKS_PROBE, Template.HEALTHY, Template.STANDARD_PUBLIC_NO_NSG, Template.HEALTHY,
      Template.VMSS_MODEL_NSG_BLOCKS_PROBE, Template.HEALTHY, Template.VMSS_PROBE_LOCKS_PORT, Template.HEALTHY,
      Template.UDR_VIRTUAL_APPLIANCE, Template.HEALTHY, Template.VM_DEALLOCATED, Template.HEALTHY, Template.HEALTHY);

  /** One generated load balancer: its place, template and ARM id. */
  public record Placed(int index, Template template, String subscription, String loadBalancerId) {}

  private final List<ObjectNode> rows;
  private final List<Placed> placed;

  private GeneratedFleet(List<ObjectNode> rows, List<Placed> placed) {
    this.rows = rows;
    this.placed = placed;
  }

  /** The repository's {@code examples/} folder, from the module or the repository root. */
  public static Path examples() {
    String given = System.getProperty("examples");
    if (given != null) {
      return Path.of(given);
    }
    Path up = Path.of("..", "examples");
    return Files.isDirectory(up) ? up : Path.of("examples");
  }

  public static GeneratedFleet generate(Path examples, int loadBalancers, int subscriptions) {
    Map<Template, List<ObjectNode>> templates = new LinkedHashMap<>();
    for (Template t : Template.values()) {
      templates.put(t, read(examples.resolve(t.example)));
    }
    List<ObjectNode> rows = new ArrayList<>();
    List<Placed> placed = new ArrayList<>();
    for (int i = 0; i < loadBalancers; i++) {
      Template t = PLACES.get(i % PLACES.size());
      String sub = subscription(i % subscriptions);
      String suffix = "-f" + i;
      String lbId = null;
      for (ObjectNode r : templates.get(t)) {
        ObjectNode row = row(r, sub, suffix);
        if (row.path("type").asText().equals("microsoft.network/loadbalancers")) {
          lbId = row.path("id").asText();
        }
        rows.add(row);
      }
      placed.add(new Placed(i, t, sub, lbId));
    }
    return new GeneratedFleet(rows, placed);
  }

  public static String subscription(int k) {
    return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012d", 0x5ca40000 + k, k);
  }

  /** Every row, in generation order. */
  public List<ObjectNode> rows() {
    return rows;
  }

  public List<Placed> placed() {
    return placed;
  }

  /** The rows as one Resource Graph response body per query kind ({@code network}, {@code compute}), unpaged. */
  public static ObjectNode response(List<ObjectNode> rows) {
    ObjectNode body = JSON.createObjectNode();
    body.put("totalRecords", rows.size());
    body.put("count", rows.size());
    ArrayNode data = body.putArray("data");
    rows.forEach(data::add);
    body.putArray("facets");
    body.put("resultTruncated", "false");
    return body;
  }

  private static ObjectNode row(ObjectNode resource, String sub, String suffix) {
    String text = resource.toString();
    Matcher m = SCOPE.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement("/subscriptions/" + sub + "/resourceGroups/" + m.group(2) + suffix));
    }
    m.appendTail(b);
    ObjectNode r;
    try {
      r = (ObjectNode) JSON.readTree(b.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode row = JSON.createObjectNode();
    String id = r.path("id").asText();
    row.put("id", id);
    row.put("name", r.path("name").asText());
    String type = r.path("type").asText().toLowerCase(Locale.ROOT);
    row.put("type", type);
    row.set("location", r.path("location").isMissingNode() ? null : r.get("location"));
    Matcher scope = SCOPE.matcher(id);
    row.put("resourceGroup", scope.find() ? scope.group(2).toLowerCase(Locale.ROOT) : "");
    row.put("subscriptionId", sub);
    row.set("sku", r.get("sku"));
    row.set("zones", r.get("zones"));
    ObjectNode props = r.path("properties").isObject() ? (ObjectNode) r.get("properties") : JSON.createObjectNode();
    if (type.equals("microsoft.compute/virtualmachines") && props.has("instanceView")) {
      JsonNode view = props.remove("instanceView");
      for (JsonNode s : view.path("statuses")) {
        String code = s.path("code").asText();
        if (code.startsWith("PowerState/")) {
          ObjectNode power = props.putObject("extended").putObject("instanceView").putObject("powerState");
          power.put("code", code);
          if (s.has("displayStatus")) {
            power.set("displayStatus", s.get("displayStatus"));
          }
        }
      }
    }
    row.set("properties", props);
    return row;
  }

  private static List<ObjectNode> read(Path dir) {
    List<ObjectNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(f.toFile());
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
          root.forEach(items::add);
        } else if (root.has("value") && !root.has("type")) {
          root.get("value").forEach(items::add);
        } else {
          items.add(root);
        }
        for (JsonNode r : items) {
          String type = r.path("type").asText("").toLowerCase(Locale.ROOT);
          if (r.isObject() && (type.startsWith("microsoft.network/") || type.startsWith("microsoft.compute/"))) {
            out.add((ObjectNode) r);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
