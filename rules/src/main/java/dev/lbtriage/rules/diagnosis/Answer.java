package dev.lbtriage.rules.diagnosis;

import java.util.Locale;

/**
 * The user's answer to a KB question, normalised: {@code yes}, {@code no}, {@code unknown}, or the
 * value itself (an IP address, a port).
 *
 * @param question a KB question id
 * @param value the normalised answer
 */
public record Answer(String question, String value) {
  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String UNKNOWN = "unknown";

  public Answer {
    value = value == null ? UNKNOWN : value.trim().toLowerCase(Locale.ROOT);
  }

  public boolean yes() {
    return YES.equals(value);
  }

  public boolean no() {
    return NO.equals(value);
  }

  public boolean known() {
    return !UNKNOWN.equals(value);
  }
}
