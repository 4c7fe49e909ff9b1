package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.FlowVerification;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code <name>.ip-flow-verify.json}: Azure Network Watcher IP flow verify answers, each
 * {@code {"parameters": <VerificationIPFlowParameters>, "result": <VerificationIPFlowResult>,
 * "networkWatcherId": "..."}} (the request body {@code POST .../ipFlowVerify} was sent and the body
 * it answered; {@code networkWatcherId} optional), one object, a JSON array of them, or
 * {@code {"value": [...]}}. The REST example's own layout
 * ({@code {"parameters": {..., "parameters": {...}}, "responses": {"200": {"body": {...}}}}}) is
 * accepted too. See {@code engine/SNAPSHOT-FORMAT.md}.
 */
final class FlowVerificationParser {

  static final String SUFFIX = ".ip-flow-verify.json";

  private FlowVerificationParser() {}

  static void parse(JsonCursor root, String file, SnapshotIndex index) {
    List<JsonCursor> entries = root.node().isArray() ? root.elements()
        : root.node().isObject() && root.has("value") && !root.has("parameters") ? root.array("value") : List.of(root);
    for (JsonCursor e : entries) {
      if (!e.node().isObject()) {
        e.log().error(e.path(), "expected an IP flow verify entry (an object with parameters and result), found "
            + JsonTypes.kind(e.node()));
        continue;
      }
      try {
        index.flowVerifications.add(entry(e, file));
      } catch (FieldException ex) {
        e.log().error(ex);
      }
    }
  }

  private static FlowVerification entry(JsonCursor e, String file) {
    JsonCursor params = e.child("parameters")
        .orElseThrow(() -> new FieldException(e.path() + ".parameters", "missing required field 'parameters'"));
    params = params.child("parameters").filter(p -> p.node().isObject()).orElse(params);
    JsonCursor result = e.child("result").or(() -> e.child("responses").flatMap(r -> r.child("200").or(() -> r.child("202")))
        .flatMap(r -> r.child("body")))
        .orElseThrow(() -> new FieldException(e.path() + ".result", "missing required field 'result'"));
    String target = params.requiredText("targetResourceId");
    String localPort = params.requiredText("localPort").trim();
    int port;
    if (localPort.equals("*")) {
      port = -1;
    } else if (localPort.matches("\\d{1,5}") && Integer.parseInt(localPort) <= 65535) {
      port = Integer.parseInt(localPort);
    } else {
      throw new FieldException(params.path() + ".localPort", "'localPort' must be a port or *, found \"" + localPort + "\"");
    }
    return new FlowVerification(target,
        Children.parse(params, "direction", FlowVerificationParser::direction),
        Children.parse(params, "protocol", Children::transport),
        params.requiredText("localIPAddress").trim(), port,
        params.requiredText("remoteIPAddress").trim(),
        Optional.ofNullable(params.text("remotePort")).orElse("*"),
        Children.parse(result, "access", FlowVerificationParser::access),
        result.text("ruleName"), e.text("networkWatcherId"), new Origin(target, file));
  }

  private static Direction direction(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "inbound" -> Direction.INBOUND;
      case "outbound" -> Direction.OUTBOUND;
      default -> throw new IllegalArgumentException("unknown direction '" + s + "' (expected Inbound or Outbound)");
    };
  }

  private static Access access(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "allow" -> Access.ALLOW;
      case "deny" -> Access.DENY;
      default -> throw new IllegalArgumentException("unknown access '" + s + "' (expected Allow or Deny)");
    };
  }
}
