package dev.lbtriage.engine.gather.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a Resource Graph response as resources the snapshot reader's parsers read. A row of
 * {@code Resources} projected with {@code properties} is the ARM resource (type lower-cased, which
 * the parsers compare without regard to case). Two shapes are accepted: {@code objectArray} (the
 * default, {@code [{col: value}]}) and {@code table} ({@code {columns:[{name,type}], rows:[[...]]}}).
 * One thing is moved: a VM's power state, which Resource Graph gives at
 * {@code properties.extended.instanceView.powerState.code}, goes where an ARM instance view has it
 * ({@code properties.instanceView.statuses[].code}) unless the row has an instance view already.
 */
final class GraphRows {

  private GraphRows() {}

  /**
   * The rows of a response's {@code data}, each an object; empty for {@code null}.
   *
   * @throws IllegalArgumentException naming what {@code data} holds when it is neither shape
   */
  static List<ObjectNode> rows(JsonNode data) {
    List<ObjectNode> out = new ArrayList<>();
    if (data == null || data.isNull() || data.isMissingNode()) {
      return out;
    }
    if (data.isArray()) {
      for (JsonNode row : data) {
        if (!row.isObject()) {
          throw new IllegalArgumentException("a row of data is not an object but " + row.getNodeType().toString().toLowerCase());
        }
        out.add(shape((ObjectNode) row)); // the caller owns the data: shaped in place
      }
      return out;
    }
    if (data.isObject() && data.path("columns").isArray() && data.path("rows").isArray()) {
      JsonNode columns = data.get("columns");
      for (JsonNode row : data.get("rows")) {
        if (!row.isArray()) {
          throw new IllegalArgumentException("a table row is not an array");
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
          o.set(columns.get(i).path("name").asText(), row.get(i));
        }
        out.add(shape(o));
      }
      return out;
    }
    throw new IllegalArgumentException("data is neither an array of rows nor a table with columns and rows");
  }

  /** A row as the ARM resource the parsers read. */
  static ObjectNode shape(ObjectNode row) {
    String type = row.path("type").asText("");
    if (type.equalsIgnoreCase("microsoft.compute/virtualmachines") && row.path("properties").isObject()) {
      ObjectNode props = (ObjectNode) row.get("properties");
      Optional<String> code = text(props.path("extended").path("instanceView").path("powerState").path("code"));
      if (code.isPresent() && !props.has("instanceView")) {
        ArrayNode statuses = props.putObject("instanceView").putArray("statuses");
        statuses.addObject().put("code", code.get());
      }
    }
    return row;
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }
}
