package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Log Analytics query response ({@code {"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}]}},
 * https://learn.microsoft.com/azure/azure-monitor/logs/api/response-format), the shape of both the
 * workspace query and the resource-centric query through ARM
 * ({@code GET <resource id>/providers/microsoft.insights/logs}), turned into one object per row
 * keyed by column name, as {@code az monitor log-analytics query} prints them. A row with a
 * {@code HealthEventType} but no {@code Type} column is an {@code ALBHealthEvent} row.
 */
final class LogTables {

  private LogTables() {}

  static boolean is(JsonNode node) {
    return node.isObject() && node.path("tables").isArray() && !node.has("type") && !node.has("value");
  }

  static ArrayNode rows(JsonCursor response) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode table : response.node().path("tables")) {
      JsonNode columns = table.path("columns");
      for (JsonNode row : table.path("rows")) {
        if (!row.isArray()) {
          continue;
        }
        ObjectNode o = out.addObject();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
          String name = columns.get(i).path("name").asText(null);
          if (name != null) {
            o.set(name, row.get(i));
          }
        }
        if (!o.has("Type") && o.has("HealthEventType")) {
          o.put("Type", "ALBHealthEvent"); // a query that projected the columns away: the rows are still that table's
        }
      }
    }
    return out;
  }
}
