package dev.lbtriage.bot.terminal;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for short terminal lines; list items ("- ", "1. ") keep a hanging indent. */
final class Wrap {
  static final int WIDTH = 88;

  private Wrap() {}

  /** Each line of {@code text} wrapped to {@code width}, prefixed with {@code indent}. */
  static String lines(String text, String indent, int width) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      for (String w : wrap(line, Math.max(20, width - indent.length()))) {
        b.append(w.isEmpty() ? "" : indent).append(w).append('\n');
      }
    }
    return b.toString();
  }

  static List<String> wrap(String line, int width) {
    List<String> out = new ArrayList<>();
    String stripped = line.stripTrailing();
    if (stripped.length() <= width) {
      out.add(stripped);
      return out;
    }
    String hang = " ".repeat(hangingIndent(stripped));
    String rest = stripped;
    String prefix = "";
    while (prefix.length() + rest.length() > width) {
      int room = width - prefix.length();
      int cut = rest.lastIndexOf(' ', room);
      if (cut <= 0) {
        cut = rest.indexOf(' ', room);
        if (cut < 0) {
          break;
        }
      }
      out.add(prefix + rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut + 1).stripLeading();
      prefix = hang;
    }
    out.add(prefix + rest);
    return out;
  }

  private static int hangingIndent(String line) {
    int lead = line.length() - line.stripLeading().length();
    String s = line.stripLeading();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(- |\\* |\\? |== |\\d{1,3}\\. |[A-Z-]{9,10} +)").matcher(s);
    return lead + (m.find() ? m.end() : 0);
  }
}
