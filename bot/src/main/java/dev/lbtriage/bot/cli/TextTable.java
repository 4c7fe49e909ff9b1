package dev.lbtriage.bot.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows of cells printed with aligned columns (two spaces apart, the last column not padded). */
final class TextTable {
  private final String indent;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String indent) {
    this.indent = indent;
  }

  TextTable row(String... cells) {
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out) {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length - 1; i++) {
        width[i] = Math.max(width[i], len(r[i]));
      }
    }
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder(indent);
      for (int i = 0; i < r.length; i++) {
        String c = r[i] == null ? "" : r[i];
        b.append(c);
        if (i < r.length - 1) {
          b.append(" ".repeat(width[i] - c.length() + 2));
        }
      }
      out.println(b.toString().stripTrailing());
    }
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }
}
