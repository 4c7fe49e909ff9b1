package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.HealthEvent;
import dev.lbtriage.rules.facts.Origin;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads one row of the {@code ALBHealthEvent} table (Azure Load Balancer health event logs, resource
 * log category {@code LoadBalancerHealthEvent}) as {@code az monitor log-analytics query} prints it:
 * an object whose {@code Type} is {@code ALBHealthEvent}, with the table's columns
 * {@code TimeGenerated}, {@code HealthEventType}, {@code Severity}, {@code Description},
 * {@code FrontendIP}, {@code LoadBalancerResourceId} and {@code _ResourceId}
 * (https://learn.microsoft.com/azure/azure-monitor/reference/tables/albhealthevent). The Log
 * Analytics REST shape ({@code {"tables":[{"columns":[...],"rows":[[...]]}]}}) is turned into such
 * rows by {@link LogTables} first.
 */
final class HealthEventParser {

  private HealthEventParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String type = r.requiredText("HealthEventType");
    String lb = r.text("LoadBalancerResourceId");
    if (lb == null || lb.isBlank()) {
      lb = r.text("_ResourceId");
    }
    index.healthEvents.add(new HealthEvent(lb, type, r.text("Severity"), r.text("FrontendIP"), r.text("Description"),
        time(r.text("TimeGenerated")), new Origin(null, file)));
  }

  static Instant time(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s.trim()).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
