package dev.lbtriage.rules.facts;

import java.time.Instant;
import java.util.Locale;

/**
 * One Azure Load Balancer health event: a row of the {@code ALBHealthEvent} table (resource log
 * category {@code LoadBalancerHealthEvent}), as a Log Analytics query returns it
 * (https://learn.microsoft.com/azure/azure-monitor/reference/tables/albhealthevent,
 * https://learn.microsoft.com/azure/load-balancer/load-balancer-health-event-logs).
 *
 * @param loadBalancerId {@code LoadBalancerResourceId} (or {@code _ResourceId})
 * @param type {@code HealthEventType}: NoHealthyBackends, DataPathAvailabilityWarning,
 *     DataPathAvailabilityCritical, HighSnatPortUsage, SnatPortExhaustion (others kept as given)
 * @param severity {@code Severity}: Critical or Warning
 * @param frontendIp {@code FrontendIP}, null when not given
 * @param time {@code TimeGenerated}, null when not given or unreadable
 */
public record HealthEvent(
    String loadBalancerId, String type, String severity, String frontendIp, String description, Instant time, Origin origin) {

  public static final String NO_HEALTHY_BACKENDS = "NoHealthyBackends";
  public static final String DATA_PATH_WARNING = "DataPathAvailabilityWarning";
  public static final String DATA_PATH_CRITICAL = "DataPathAvailabilityCritical";
  public static final String HIGH_SNAT_PORT_USAGE = "HighSnatPortUsage";
  public static final String SNAT_PORT_EXHAUSTION = "SnatPortExhaustion";

  public boolean is(String eventType) {
    return type != null && type.equalsIgnoreCase(eventType);
  }

  /** HighSnatPortUsage or SnatPortExhaustion: an outbound (SNAT) problem, not an inbound one. */
  public boolean snat() {
    return is(HIGH_SNAT_PORT_USAGE) || is(SNAT_PORT_EXHAUSTION);
  }

  /** DataPathAvailabilityWarning or Critical: Azure saw data path availability drop for platform reasons. */
  public boolean dataPath() {
    return is(DATA_PATH_WARNING) || is(DATA_PATH_CRITICAL);
  }

  /** {@code NoHealthyBackends (Critical) at 2026-11-25T10:04:00Z for 20.1.2.3: <description> (file)}. */
  public String describe() {
    StringBuilder b = new StringBuilder("health event ").append(type);
    if (severity != null) {
      b.append(" (").append(severity.toLowerCase(Locale.ROOT)).append(')');
    }
    if (time != null) {
      b.append(" at ").append(time);
    }
    if (frontendIp != null && !frontendIp.isBlank()) {
      b.append(" for frontend ").append(frontendIp);
    }
    if (description != null && !description.isBlank()) {
      b.append(": ").append(description.strip());
    }
    if (origin != null && origin.file() != null) {
      b.append(" (").append(origin.file()).append(')');
    }
    return b.toString();
  }
}
