package dev.lbtriage.engine.gather.graph;

import java.time.Duration;

/**
 * Resource Graph's throttling headers: "In every query response, Azure Resource Graph adds two
 * throttling headers": {@code x-ms-user-quota-remaining} (queries left in the window) and
 * {@code x-ms-user-quota-resets-after} ({@code hh:mm:ss})
 * (https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests).
 */
final class Quota {
  static final String REMAINING = "x-ms-user-quota-remaining";
  static final String RESETS_AFTER = "x-ms-user-quota-resets-after";

  private Quota() {}

  /** The remaining count, null when absent or not a number. */
  static Integer remaining(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Integer.valueOf(header.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code hh:mm:ss} (also {@code d.hh:mm:ss} and a fraction of a second) as a duration; null when absent or unreadable. */
  static Duration resetsAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String s = header.trim();
    try {
      long days = 0;
      int dot = s.indexOf('.');
      int colon = s.indexOf(':');
      if (dot >= 0 && dot < colon) {
        days = Long.parseLong(s.substring(0, dot));
        s = s.substring(dot + 1);
      }
      String[] p = s.split(":");
      if (p.length != 3) {
        return null;
      }
      double seconds = Double.parseDouble(p[2]);
      return Duration.ofDays(days).plusHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1]))
          .plusMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code Retry-After} in seconds, null when absent or not a number of seconds. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
