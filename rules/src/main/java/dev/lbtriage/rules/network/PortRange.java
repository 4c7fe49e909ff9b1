package dev.lbtriage.rules.network;

/**
 * A port range of a security rule: {@code *}, {@code 80}, {@code 80-90}, or Azure's
 * {@code 0-65535} (effective rules write every range as {@code a-b}).
 */
public record PortRange(int from, int to) {
  public static final int MAX = 65535;
  public static final PortRange ANY = new PortRange(0, MAX);

  public PortRange {
    if (from < 0 || to > MAX || from > to) {
      throw new IllegalArgumentException("bad port range " + from + "-" + to + " (ports are 0..65535, from <= to)");
    }
  }

  public static PortRange parse(String s) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("empty port range");
    }
    String t = s.trim();
    if (t.equals("*") || t.equalsIgnoreCase("any")) {
      return ANY;
    }
    int dash = t.indexOf('-', 1);
    try {
      if (dash < 0) {
        int p = number(t, s);
        return new PortRange(p, p);
      }
      return new PortRange(number(t.substring(0, dash), s), number(t.substring(dash + 1), s));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad port range '" + s + "': " + e.getMessage(), e);
    }
  }

  private static int number(String t, String original) {
    String n = t.trim();
    if (n.isEmpty() || n.length() > 5 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("'" + n + "' is not a port number");
    }
    return Integer.parseInt(n);
  }

  public boolean contains(int port) {
    return port >= from && port <= to;
  }

  public boolean isAny() {
    return from == 0 && to == MAX;
  }

  @Override
  public String toString() {
    return isAny() ? "*" : from == to ? Integer.toString(from) : from + "-" + to;
  }
}
