package dev.lbtriage.engine.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.RecordedCheck;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@code facts.json}: every fact the diagnosis used, each with its source: the ARM id and the
 * snapshot file it was read from, the answer (who, when) or the live check. Also what could not be
 * read and the problems met, so nothing gathered is lost.
 */
final class FactsJson {
  static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new SimpleModule("instant").addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
          gen.writeString(value.toString());
        }
      }))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private FactsJson() {}

  static String render(AzureFacts facts, Diagnosis d, List<RecordedAnswer> answers, List<RecordedCheck> checks, String factSource) {
    ObjectNode root = JSON.createObjectNode();
    root.put("loadBalancer", d.loadBalancer());
    root.put("factSource", factSource);
    ArrayNode list = root.putArray("facts");
    add(list, "loadBalancer", facts.loadBalancers(), x -> x.id(), x -> x.origin());
    add(list, "networkInterface", facts.networkInterfaces(), x -> x.id(), x -> x.origin());
    add(list, "virtualMachine", facts.virtualMachines(), x -> x.id(), x -> x.origin());
    add(list, "subnet", facts.subnets(), x -> x.id(), x -> x.origin());
    add(list, "virtualNetwork", facts.virtualNetworks(), x -> x.id(), x -> x.origin());
    add(list, "networkSecurityGroup", facts.networkSecurityGroups(), x -> x.id(), x -> x.origin());
    add(list, "effectiveSecurityRules", facts.effectiveSecurityRules(), x -> x.nicId(), x -> x.origin());
    add(list, "routeTable", facts.routeTables(), x -> x.id(), x -> x.origin());
    add(list, "effectiveRoutes", facts.effectiveRoutes(), x -> x.nicId(), x -> x.origin());
    add(list, "virtualMachineScaleSet", facts.vmScaleSets(), x -> x.id(), x -> x.origin());
    add(list, "metric", facts.metrics(), x -> x.resourceId(), x -> x.origin());
    add(list, "publicIp", facts.publicIps(), x -> x.id(), x -> x.origin());
    add(list, "flowVerification", facts.flowVerifications(), x -> null, x -> x.origin());
    add(list, "healthEvent", facts.healthEvents(), x -> null, x -> x.origin());
    add(list, "resourceHealth", facts.resourceHealth(), x -> x.resourceId(), x -> x.origin());
    for (RecordedAnswer a : answers) {
      ObjectNode n = list.addObject();
      n.put("kind", "answer");
      n.put("id", a.question());
      ObjectNode s = n.putObject("source");
      s.put("type", "answer");
      s.put("by", a.by());
      s.put("at", a.at() == null ? null : a.at().toString());
      s.put("how", a.source());
      if (a.quote() != null) {
        s.put("quote", a.quote());
      }
      n.set("fact", JSON.createObjectNode().put("question", a.question()).put("value", a.value()));
    }
    for (RecordedCheck c : checks) {
      ObjectNode n = list.addObject();
      n.put("kind", "liveCheck");
      n.put("id", c.host() + ":" + c.port());
      ObjectNode s = n.putObject("source");
      s.put("type", "check");
      s.put("by", c.by());
      s.put("at", c.at() == null ? null : c.at().toString());
      n.set("fact", JSON.valueToTree(c));
    }
    root.set("missing", JSON.valueToTree(facts.missing()));
    root.set("problems", JSON.valueToTree(facts.problems().stream().map(Object::toString).toList()));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void add(ArrayNode list, String kind, List<T> facts, Function<T, String> id, Function<T, Origin> origin) {
    for (T f : facts) {
      ObjectNode n = list.addObject();
      n.put("kind", kind);
      n.put("id", id.apply(f));
      Origin o = origin.apply(f);
      ObjectNode s = n.putObject("source");
      s.put("type", o == null || o.file() == null || o.file().startsWith("azure:") ? "arm" : "snapshot-file");
      s.put("armId", o == null ? null : o.armId());
      s.put("file", o == null || o.file() == null ? null : o.file().startsWith("azure:") ? o.file() : "snapshot/" + o.file());
      JsonNode fact = JSON.valueToTree(f);
      if (fact instanceof ObjectNode on) {
        on.remove("origin");
      }
      n.set("fact", fact);
    }
  }
}
