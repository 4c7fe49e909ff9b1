package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What Azure itself says about a load balancer's health, read with GETs:
 * <ul>
 *   <li>Resource Health: {@code GET <lb id>/providers/Microsoft.ResourceHealth/availabilityStatuses/current}
 *       ("Availability Statuses - Get By Resource", https://learn.microsoft.com/rest/api/resourcehealth/availability-statuses/get-by-resource);
 *       needs {@code Microsoft.ResourceHealth/availabilityStatuses/read} (in Reader).</li>
 *   <li>Health event logs: the {@code ALBHealthEvent} rows of the metrics window, by a resource-centric
 *       Log Analytics query through ARM, {@code GET <lb id>/providers/microsoft.insights/logs?query=...}
 *       (https://learn.microsoft.com/azure/azure-monitor/logs/api/azure-resource-queries); needs
 *       {@code Microsoft.Insights/logs/ALBHealthEvent/read} on the load balancer and read access to the
 *       workspace its diagnostic setting sends {@code LoadBalancerHealthEvent} to.</li>
 * </ul>
 * A 404 (no status, no workspace receiving the logs) means nothing to report, not a failure; other
 * errors become missing facts as for any read.
 */
final class HealthReads {

  static final String RESOURCE_HEALTH_PATH = "/providers/Microsoft.ResourceHealth/availabilityStatuses/current";
  static final String LOGS_PATH = "/providers/microsoft.insights/logs";

  private HealthReads() {}

  static List<ReadTask> tasks(ArmClient arm, AzureReadOptions options, String lbId) {
    Instant end = options.clock().instant().truncatedTo(ChronoUnit.MINUTES);
    Instant start = end.minus(options.metricsWindow());
    String kql = "ALBHealthEvent | where TimeGenerated between (datetime(" + start + ") .. datetime(" + end + "))"
        + " | order by TimeGenerated asc | take 200";
    String health = lbId + RESOURCE_HEALTH_PATH;
    String logs = lbId + LOGS_PATH;
    return List.of(
        new ReadTask(Kinds.RESOURCE_HEALTH, health, lbId, () -> orNothing(() -> arm.get(health, ApiVersions.RESOURCE_HEALTH, null))),
        new ReadTask(Kinds.HEALTH_EVENTS, logs, lbId, () -> orNothing(() -> arm.get(logs, ApiVersions.LOGS,
            "timespan=" + start + "/" + end + "&query=" + URLEncoder.encode(kql, StandardCharsets.UTF_8).replace("+", "%20")))));
  }

  private static JsonNode orNothing(java.util.function.Supplier<JsonNode> read) {
    try {
      return read.get();
    } catch (ArmReadException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }
}
