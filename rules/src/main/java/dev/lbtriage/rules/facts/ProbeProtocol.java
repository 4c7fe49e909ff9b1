package dev.lbtriage.rules.facts;

import java.util.Locale;

/** Health probe protocol. */
public enum ProbeProtocol {
  TCP,
  HTTP,
  HTTPS;

  public static ProbeProtocol parse(String s) {
    return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
      case "tcp" -> TCP;
      case "http" -> HTTP;
      case "https" -> HTTPS;
      default -> throw new IllegalArgumentException("unknown probe protocol '" + s + "' (expected Tcp, Http or Https)");
    };
  }

  /** As ARM spells it: {@code Tcp}, {@code Http}, {@code Https}. */
  public String display() {
    return switch (this) {
      case TCP -> "Tcp";
      case HTTP -> "Http";
      case HTTPS -> "Https";
    };
  }
}
