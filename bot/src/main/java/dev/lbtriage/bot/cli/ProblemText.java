package dev.lbtriage.bot.cli;

/** Messages from libraries made fit for one line on a person's screen. */
public final class ProblemText {
  /** The longest message shown; the rest goes to the log. */
  static final int MAX = 300;

  private ProblemText() {}

  /** The message on one line (line breaks become spaces), cut at {@value #MAX} characters. */
  public static String oneLine(String s) {
    return shorten(s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip(), MAX);
  }

  /** At most {@code max} characters; a cut is marked with how much was left out. */
  public static String shorten(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "... (" + (s.length() - max) + " more characters)";
  }
}
