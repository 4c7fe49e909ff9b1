package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.NsgDecision;
import dev.lbtriage.rules.network.RouteDecision;
import java.util.Locale;

/** Flow verdicts and route decisions as the commands print them, in text and JSON. */
final class Verdicts {
  private Verdicts() {}

  /** {@code ALLOWED}, {@code DENIED}, {@code UNKNOWN}: the word a person scans for. */
  static String word(dev.lbtriage.rules.network.Verdict v) {
    return switch (v) {
      case ALLOW -> "ALLOWED";
      case DENY -> "DENIED";
      case UNKNOWN -> "UNKNOWN";
    };
  }

  /** {@code Tcp Internet -> 10.0.0.4:80}; the direction only when outbound. */
  static String flowText(Flow f) {
    String port = f.destinationPort() == Flow.ANY_PORT ? "*" : Integer.toString(f.destinationPort());
    return (f.direction() == dev.lbtriage.rules.facts.Direction.OUTBOUND ? "outbound " : "")
        + JsonOutput.azureCase(f.protocol()) + " " + f.source()
        + (f.sourcePort() == Flow.ANY_PORT ? "" : ":" + f.sourcePort()) + " -> " + f.destinationIp() + ":" + port;
  }

  static ObjectNode flowJson(Flow f) {
    ObjectNode o = JsonOutput.object();
    o.put("direction", f.direction().name().toLowerCase(Locale.ROOT));
    o.put("protocol", JsonOutput.azureCase(f.protocol()));
    o.put("source", f.source());
    if (f.sourcePort() == Flow.ANY_PORT) {
      o.put("sourcePort", "*");
    } else {
      o.put("sourcePort", f.sourcePort());
    }
    o.put("destination", f.destinationIp());
    if (f.destinationPort() == Flow.ANY_PORT) {
      o.put("destinationPort", "*");
    } else {
      o.put("destinationPort", f.destinationPort());
    }
    return o;
  }

  /** The verdict with its flow, one object per NSG level, and the notes. */
  static ObjectNode verdictJson(FlowVerdict v) {
    ObjectNode o = JsonOutput.object();
    o.set("flow", flowJson(v.flow()));
    o.put("verdict", v.verdict().name());
    ArrayNode ds = o.putArray("decisions");
    for (NsgDecision d : v.decisions()) {
      ds.add(decisionJson(d));
    }
    o.set("notes", JsonOutput.strings(v.notes()));
    return o;
  }

  static ObjectNode decisionJson(NsgDecision d) {
    ObjectNode o = JsonOutput.object();
    o.put("level", d.level().label());
    o.put("verdict", d.verdict().name());
    o.put("nsg", d.nsgName());
    o.put("nsgId", d.nsgId());
    o.put("file", d.originFile());
    if (d.decidingRule() == null) {
      o.putNull("rule");
    } else {
      o.set("rule", ruleJson(d.decidingRule(), d.ruleLabel()));
    }
    ArrayNode undecided = o.putArray("undecidedRules");
    for (SecurityRule r : d.undecidedRules()) {
      undecided.add(r.label());
    }
    o.put("reason", d.reason());
    o.put("describe", d.describe());
    return o;
  }

  private static ObjectNode ruleJson(SecurityRule r, String label) {
    ObjectNode o = JsonOutput.object();
    o.put("label", label);
    o.put("name", r.name());
    o.put("priority", r.priority());
    o.put("access", JsonOutput.azureCase(r.access()));
    o.put("direction", JsonOutput.azureCase(r.direction()));
    o.put("protocol", r.protocol() == dev.lbtriage.rules.facts.TransportProtocol.ALL ? "*" : JsonOutput.azureCase(r.protocol()));
    o.set("sourcePrefixes", JsonOutput.strings(r.sourcePrefixes()));
    o.set("sourcePorts", JsonOutput.strings(r.sourcePorts()));
    o.set("destinationPrefixes", JsonOutput.strings(r.destinationPrefixes()));
    o.set("destinationPorts", JsonOutput.strings(r.destinationPorts()));
    o.put("default", r.isDefault());
    return o;
  }

  static ObjectNode routeJson(RouteDecision r) {
    ObjectNode o = JsonOutput.object();
    o.put("destination", r.destination());
    o.put("found", r.found());
    o.put("prefix", r.prefix());
    o.put("nextHopType", r.nextHopType() == null ? null : RouteDecision.hopName(r.nextHopType()));
    o.set("nextHopIps", JsonOutput.strings(r.nextHopIps()));
    o.put("origin", JsonOutput.azureCase(r.origin()));
    o.put("routeName", r.routeName());
    o.put("routeTable", r.routeTableName());
    o.put("basis", r.basis());
    o.put("describe", r.describe());
    return o;
  }
}
