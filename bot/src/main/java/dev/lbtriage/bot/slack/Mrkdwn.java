package dev.lbtriage.bot.slack;

import java.util.ArrayList;
import java.util.List;

/** Slack mrkdwn helpers: escaping and splitting text to fit Slack's per-field limits. */
public final class Mrkdwn {

  private Mrkdwn() {}

  /** Escapes the three characters Slack reserves in mrkdwn: {@code &}, {@code <}, {@code >}. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Splits raw (unescaped) text into escaped pieces of at most {@code limit} characters each, at line breaks where
   * possible, never inside an escape entity or a surrogate pair. Empty text gives one empty piece.
   */
  public static List<String> splitEscaped(String raw, int limit) {
    if (limit < 8) {
      throw new IllegalArgumentException("limit too small: " + limit);
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean open = false; // current holds at least one line
    for (String line : (raw == null ? "" : raw).split("\n", -1)) {
      String escaped = escape(line);
      int needed = open ? current.length() + 1 + escaped.length() : escaped.length();
      if (needed <= limit) {
        if (open) {
          current.append('\n');
        }
        current.append(escaped);
        open = true;
        continue;
      }
      if (open) {
        pieces.add(current.toString());
        current.setLength(0);
      }
      if (escaped.length() <= limit) {
        current.append(escaped);
      } else {
        hardSplit(line, limit, pieces, current);
      }
      open = true;
    }
    if (open || pieces.isEmpty()) {
      pieces.add(current.toString());
    }
    return pieces;
  }

  /** Splits one long line: full pieces go to {@code pieces}, the rest stays in {@code current}. */
  private static void hardSplit(String line, int limit, List<String> pieces, StringBuilder current) {
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      String escaped = escape(new String(Character.toChars(cp)));
      if (current.length() + escaped.length() > limit) {
        pieces.add(current.toString());
        current.setLength(0);
      }
      current.append(escaped);
      i += Character.charCount(cp);
    }
  }

  /** Cuts plain text to at most {@code max} characters, ending with an ellipsis when cut. */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
