package dev.lbtriage.rules.facts;

import java.util.Locale;

/** Protocol of a load-balancing rule, NAT rule or flow. {@code ALL} only in rules and NSGs. */
public enum TransportProtocol {
  TCP,
  UDP,
  ICMP,
  ALL;

  /** Parses Azure's spellings: Tcp, Udp, Icmp, All, {@code *}, Any. */
  public static TransportProtocol parse(String s) {
    if (s == null) {
      return ALL;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "tcp" -> TCP;
      case "udp" -> UDP;
      case "icmp" -> ICMP;
      case "*", "all", "any" -> ALL;
      default -> throw new IllegalArgumentException("unknown protocol '" + s + "' (expected Tcp, Udp, Icmp, All or *)");
    };
  }
}
