package dev.lbtriage.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveRoutes.EffectiveRoute;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.EffectiveSecurityRules.EffectiveNsg;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.RouteOrigin;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test-only mapping of the fixture payloads to facts (the real reader lives in engine). */
final class ArmJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String DIR = "/fixtures/network/";

  private ArmJson() {}

  static JsonNode read(String file) {
    try (InputStream in = ArmJson.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + file);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Response bodies of a session record's calls matching method and URI fragment (each body parsed a second time). */
  static List<JsonNode> sessionBodies(JsonNode record, String method, String uriContains) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode call : record.get("networkCallRecords")) {
      if (call.get("Method").asText().equals(method) && call.get("Uri").asText().contains(uriContains)) {
        String body = call.get("Response").path("Body").asText("");
        if (!body.isBlank()) {
          try {
            out.add(MAPPER.readTree(body));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return out;
  }

  static NetworkSecurityGroup nsg(JsonNode body, String file) {
    String id = body.get("id").asText();
    JsonNode p = body.get("properties");
    List<SecurityRule> custom = new ArrayList<>();
    p.path("securityRules").forEach(r -> custom.add(rule(r, id, false)));
    List<SecurityRule> defaults = new ArrayList<>();
    p.path("defaultSecurityRules").forEach(r -> defaults.add(rule(r, id, true)));
    return new NetworkSecurityGroup(id, body.get("name").asText(), "rg", custom, defaults, new Origin(id, file));
  }

  static EffectiveSecurityRules effective(JsonNode body, String nicId, String file) {
    List<EffectiveNsg> groups = new ArrayList<>();
    for (JsonNode g : body.get("value")) {
      String nsgId = g.path("networkSecurityGroup").path("id").asText(null);
      List<SecurityRule> rules = new ArrayList<>();
      g.path("effectiveSecurityRules").forEach(r -> rules.add(rule(r, nsgId, r.path("name").asText().startsWith("defaultSecurityRules/"))));
      groups.add(new EffectiveNsg(nsgId, g.path("association").path("subnet").path("id").asText(null),
          g.path("association").path("networkInterface").path("id").asText(null), rules));
    }
    return new EffectiveSecurityRules(nicId, "nic1", groups, new Origin(nicId, file));
  }

  static EffectiveRoutes routes(JsonNode body, String nicId, String file) {
    List<EffectiveRoute> routes = new ArrayList<>();
    for (JsonNode r : body.get("value")) {
      routes.add(new EffectiveRoute(r.path("name").asText(null), RouteOrigin.parse(r.path("source").asText()),
          r.path("state").asText("Active").equalsIgnoreCase("Active"), strings(r.path("addressPrefix")),
          NextHopType.parse(r.path("nextHopType").asText()), strings(r.path("nextHopIpAddress"))));
    }
    return new EffectiveRoutes(nicId, "nic1", routes, new Origin(nicId, file));
  }

  /** A rule in either shape: ARM ({@code name} + {@code properties}) or effective (flat). */
  static SecurityRule rule(JsonNode r, String nsgId, boolean isDefault) {
    JsonNode p = r.has("properties") ? r.get("properties") : r;
    return new SecurityRule(r.get("name").asText(), nsgId, p.get("priority").asInt(),
        Direction.valueOf(p.get("direction").asText().toUpperCase(Locale.ROOT)),
        Access.valueOf(p.get("access").asText().toUpperCase(Locale.ROOT)),
        TransportProtocol.parse(p.get("protocol").asText()),
        merged(p, "sourceAddressPrefix"), merged(p, "sourcePortRange"),
        merged(p, "destinationAddressPrefix"), merged(p, "destinationPortRange"),
        strings(p.path("expandedSourceAddressPrefix")), strings(p.path("expandedDestinationAddressPrefix")),
        ids(p.path("sourceApplicationSecurityGroups")), ids(p.path("destinationApplicationSecurityGroups")), isDefault);
  }

  private static List<String> merged(JsonNode p, String singular) {
    List<String> plural = strings(p.path(singular + "s"));
    if (!plural.isEmpty()) {
      return plural;
    }
    JsonNode s = p.path(singular);
    return s.isMissingNode() || s.isNull() ? List.of() : List.of(s.asText());
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<String> ids(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.path("id").asText()));
    return out;
  }
}
