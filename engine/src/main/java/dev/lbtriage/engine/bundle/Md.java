package dev.lbtriage.engine.bundle;

/** Small Markdown helpers: table cells and inline code that cannot break the table or the code span. */
final class Md {
  private Md() {}

  static String cell(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace("[", "\\[")
        .replace("]", "\\]").replace("*", "\\*");
  }

  static String code(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replace("\n", " ");
    return t.contains("`") ? "`` " + t + " ``" : "`" + t + "`";
  }

  /** Text outside tables: {@code <} escaped so no HTML is formed. */
  static String text(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("<", "&lt;").replace("[", "\\[").replace("]", "\\]").replace("*", "\\*");
  }
}
