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

  /**
   * True when both ids are non-null and {@link #normalize} makes them equal. Allocation-free for
   * ASCII ids (all ARM ids in practice); other characters fall back to {@code normalize}, whose
   * lower-casing may change the length.
   */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    if (a == b) {
      return true;
    }
    int sa = start(a);
    int ea = end(a, sa);
    int sb = start(b);
    int eb = end(b, sb);
    int n = ea - sa;
    if (n != eb - sb) {
      return !ascii(a, sa, ea) || !ascii(b, sb, eb) ? normalize(a).equals(normalize(b)) : false;
    }
    for (int i = 0; i < n; i++) {
      char x = a.charAt(sa + i);
      char y = b.charAt(sb + i);
      if (x >= 0x80 || y >= 0x80) {
        return normalize(a).equals(normalize(b));
      }
      if (x != y && lowerAscii(x) != lowerAscii(y)) {
        return false;
      }
    }
    return true;
  }

  /** Where {@link String#trim} starts. */
  private static int start(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) <= ' ') {
      i++;
    }
    return i;
  }

  /** Where {@link #normalize} ends: after {@link String#trim}, then without trailing slashes. */
  private static int end(String s, int start) {
    int e = s.length();
    while (e > start && s.charAt(e - 1) <= ' ') {
      e--;
    }
    while (e > start && s.charAt(e - 1) == '/') {
      e--;
    }
    return e;
  }

  private static boolean ascii(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
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
