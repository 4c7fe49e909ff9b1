package dev.lbtriage.bot.terminal;

import java.util.Map;

/**
 * How output is styled: ANSI colours on or off. Colour is used only when stdout is a real terminal
 * and {@code NO_COLOR} is unset (see no-color.org), and {@code TERM} is not {@code dumb}.
 */
public record Style(boolean color) {
  public static final Style PLAIN = new Style(false);
  private static final String RESET = "\u001b[0m";

  private static volatile boolean disabled;

  /** {@code --no-color}: no colour for the rest of this process. */
  public static void disable() {
    disabled = true;
  }

  /** The style for this process: colour on a console unless {@code NO_COLOR} is set or {@code --no-color} given. */
  public static Style detect() {
    return detect(System.console() != null && !disabled, System.getenv());
  }

  static Style detect(boolean terminal, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    boolean dumb = "dumb".equals(env.get("TERM"));
    return new Style(terminal && (noColor == null || noColor.isEmpty()) && !dumb);
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  public String red(String s) {
    return wrap("1;31", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String cyan(String s) {
    return wrap("36", s);
  }

  /** The status of a cause in its colour: confirmed red, suspected yellow, ruled-out dim green. */
  public String status(String status) {
    String tag = status.toUpperCase(java.util.Locale.ROOT);
    return switch (status) {
      case "confirmed" -> red(tag);
      case "suspected" -> yellow(tag);
      case "ruled-out" -> wrap("2;32", tag);
      default -> tag;
    };
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + RESET : s;
  }
}
