package dev.lbtriage.rules.facts;

import java.util.Locale;
import java.util.Optional;

/** Small helpers for ARM resource ids, which Azure compares without regard to case. */
public final class ArmId {
  private ArmId() {}

  /** Lower-cased and without a trailing slash, for comparing and joining. */
  public static String normalize(String id) {
    if (id == null) {
      return null;
    }
    String s = id.trim();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  public static boolean same(String a, String b) {
    return a != null && b != null && normalize(a).equals(normalize(b));
  }

  /** The last segment of the id: the resource's own name. */
  public static String name(String id) {
    if (id == null) {
      return null;
    }
    String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** The value after {@code /<segment>/} (case-insensitive), e.g. the resource group. */
  public static Optional<String> segment(String id, String segment) {
    if (id == null) {
      return Optional.empty();
    }
    String[] parts = id.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equalsIgnoreCase(segment)) {
        return Optional.of(parts[i + 1]);
      }
    }
    return Optional.empty();
  }

  public static String resourceGroup(String id) {
    return segment(id, "resourceGroups").orElse(null);
  }

  public static String subscription(String id) {
    return segment(id, "subscriptions").orElse(null);
  }

  /** The id of the parent resource: {@code .../loadBalancers/lb/probes/p} gives {@code .../loadBalancers/lb}. */
  public static String parent(String id) {
    if (id == null) {
      return null;
    }
    String[] parts = id.split("/");
    if (parts.length < 3) {
      return null;
    }
    return String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
  }
}
