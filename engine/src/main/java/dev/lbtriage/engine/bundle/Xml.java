package dev.lbtriage.engine.bundle;

/** Escaping for text and attribute values in the SVG files; drops characters XML 1.0 does not allow. */
final class Xml {
  private Xml() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            b.append(c);
          } else {
            b.append(' ');
          }
        }
      }
    }
    return b.toString();
  }

  /** At most {@code max} characters, with an ellipsis when cut. */
  static String cut(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "\u2026";
  }
}
