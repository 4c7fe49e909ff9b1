package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.ResourceHealth;
import java.util.Locale;

/**
 * Reads {@code Microsoft.ResourceHealth/availabilityStatuses} (Resource Health, "Availability
 * Statuses - Get By Resource": {@code GET <resource id>/providers/Microsoft.ResourceHealth/availabilityStatuses/current},
 * or an entry of "Availability Statuses - List"). Only the {@code current} status is a fact; history
 * entries (named by their time) are noted and skipped. The resource is the part of the id before
 * {@code /providers/Microsoft.ResourceHealth}, or {@code properties.targetResourceId}.
 */
final class ResourceHealthParser {

  private static final String SEGMENT = "/providers/microsoft.resourcehealth/";

  private ResourceHealthParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    String name = Children.name(r, id);
    if (!"current".equalsIgnoreCase(name)) {
      r.log().note(r.path(), "skipped Resource Health history entry '" + name + "' (only the current status is used)");
      return;
    }
    JsonCursor p = r.props();
    String state = p.requiredText("availabilityState");
    int at = id.toLowerCase(Locale.ROOT).indexOf(SEGMENT);
    String target = p.text("targetResourceId") != null ? p.text("targetResourceId") : at < 0 ? null : id.substring(0, at);
    String occurred = p.text("occuredTime") != null ? p.text("occuredTime") : p.text("occurredTime");
    index.resourceHealth.add(new ResourceHealth(target, state, p.text("summary"), p.text("reasonType"),
        HealthEventParser.time(occurred), new Origin(id, file)));
  }
}
