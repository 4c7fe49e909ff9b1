package dev.lbtriage.rules.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One time series of an Azure Monitor metric of a load balancer.
 *
 * @param metric the metric's name as Azure spelled it ({@code DipAvailability} = health probe
 *     status per backend, {@code VipAvailability} = data path availability)
 * @param resourceId the load balancer
 * @param dimensions dimension name (lower-cased) to value, e.g. {@code backendipaddress -> 10.0.0.4}
 */
public record MetricSeries(String metric, String resourceId, Map<String, String> dimensions, List<Point> points, Origin origin) {
  public MetricSeries {
    dimensions = Map.copyOf(dimensions);
    points = List.copyOf(points);
  }

  public boolean is(String name) {
    return metric != null && metric.equalsIgnoreCase(name);
  }

  /** A dimension's value, name compared without regard to case. */
  public String dimension(String name) {
    return dimensions.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** One aggregated point; null fields were not in the response. */
  public record Point(Instant time, Double average, Double minimum, Double maximum) {}
}
