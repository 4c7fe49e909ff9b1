package dev.lbtriage.rules.facts;

import java.time.Instant;

/**
 * The current Resource Health of a resource: {@code Microsoft.ResourceHealth/availabilityStatuses/current}
 * (https://learn.microsoft.com/rest/api/resourcehealth/availability-statuses/get-by-resource).
 *
 * @param resourceId the resource it is about (the id before {@code /providers/Microsoft.ResourceHealth})
 * @param state {@code availabilityState}: Available, Unavailable, Degraded or Unknown
 * @param summary {@code summary}, may be null
 * @param reasonType {@code reasonType} (e.g. Unplanned), may be null
 * @param occurred {@code occuredTime} (ARM's spelling) or {@code occurredTime}, null when not given
 */
public record ResourceHealth(String resourceId, String state, String summary, String reasonType, Instant occurred, Origin origin) {

  public boolean available() {
    return "Available".equalsIgnoreCase(state);
  }

  /** Unavailable or Degraded. */
  public boolean impaired() {
    return "Unavailable".equalsIgnoreCase(state) || "Degraded".equalsIgnoreCase(state);
  }

  public String describe() {
    StringBuilder b = new StringBuilder("Resource Health of ").append(ArmId.name(resourceId)).append(": ").append(state);
    if (reasonType != null) {
      b.append(" (").append(reasonType).append(')');
    }
    if (occurred != null) {
      b.append(" since ").append(occurred);
    }
    if (summary != null && !summary.isBlank()) {
      b.append(": ").append(summary.strip());
    }
    if (origin != null && origin.file() != null) {
      b.append(" (").append(origin.file()).append(')');
    }
    return b.toString();
  }
}
