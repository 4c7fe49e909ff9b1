package dev.lbtriage.rules.facts;

import java.util.Locale;

/** A VM's power state from its instance view ({@code PowerState/running} and so on). */
public enum PowerState {
  RUNNING,
  STARTING,
  STOPPING,
  STOPPED,
  DEALLOCATING,
  DEALLOCATED,
  UNKNOWN;

  /** Parses an instance-view status code such as {@code PowerState/deallocated}, or the bare word. */
  public static PowerState parse(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    String s = code.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("powerstate/")) {
      s = s.substring("powerstate/".length());
    }
    if (s.startsWith("vm ")) {
      s = s.substring(3);
    }
    return switch (s) {
      case "running" -> RUNNING;
      case "starting" -> STARTING;
      case "stopping" -> STOPPING;
      case "stopped" -> STOPPED;
      case "deallocating" -> DEALLOCATING;
      case "deallocated" -> DEALLOCATED;
      default -> UNKNOWN;
    };
  }

  /** True when the VM cannot answer anything: stopped or deallocated (or on its way there). */
  public boolean down() {
    return this == STOPPED || this == DEALLOCATED || this == STOPPING || this == DEALLOCATING;
  }
}
