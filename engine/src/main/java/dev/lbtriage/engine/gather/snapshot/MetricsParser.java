package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.MetricSeries.Point;
import dev.lbtriage.rules.facts.Origin;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code Microsoft.Insights/metrics} entry of an Azure Monitor "Metrics - List"
 * response ({@code az monitor metrics list}): {@code name.value}, and per time series the
 * {@code metadatavalues} (dimensions, names lower-cased) and {@code data} points.
 */
final class MetricsParser {

  private static final String METRICS_SEGMENT = "/providers/microsoft.insights/metrics";

  private MetricsParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.text("id");
    String metric = name(r);
    if (metric == null) {
      throw new FieldException(r.path() + ".name.value", "missing required field 'name.value'");
    }
    String resourceId = resourceOf(id);
    for (JsonCursor series : r.objects("timeseries")) {
      Map<String, String> dimensions = new LinkedHashMap<>();
      for (JsonCursor dim : series.objects("metadatavalues")) {
        String dimName = name(dim);
        String value = dim.text("value");
        if (dimName != null && value != null) {
          dimensions.put(dimName.toLowerCase(Locale.ROOT), value);
        }
      }
      List<Point> points = Children.each(series, "data", MetricsParser::point);
      index.metrics.add(new MetricSeries(metric, resourceId, dimensions, points, new Origin(id, file)));
    }
  }

  /** {@code name} as {@code {"value": "..."}} (Azure Monitor) or a plain string. */
  private static String name(JsonCursor c) {
    return c.child("name").map(n -> n.node().isTextual() ? n.node().asText() : n.text("value")).orElse(null);
  }

  private static Point point(JsonCursor c) {
    String time = c.requiredText("timeStamp");
    Instant at;
    try {
      at = Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new FieldException(c.child("timeStamp").map(JsonCursor::path).orElse(c.path()),
          "'timeStamp' is not an ISO-8601 instant: " + time);
    }
    return new Point(at, number(c, "average"), number(c, "minimum"), number(c, "maximum"));
  }

  private static Double number(JsonCursor c, String field) {
    return c.child(field).map(n -> {
      if (n.node().isNumber()) {
        return n.node().doubleValue();
      }
      n.log().error(n.path(), "'" + field + "' must be a number, found " + JsonTypes.kind(n.node()));
      return null;
    }).orElse(null);
  }

  static String resourceOf(String metricId) {
    if (metricId == null) {
      return null;
    }
    int at = metricId.toLowerCase(Locale.ROOT).indexOf(METRICS_SEGMENT);
    return at < 0 ? null : metricId.substring(0, at);
  }
}
