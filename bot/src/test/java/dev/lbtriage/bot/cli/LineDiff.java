package dev.lbtriage.bot.cli;

import java.util.ArrayList;
import java.util.List;

/** A small line diff for golden-file failures: the changed region, with a few lines of context, {@code -} expected, {@code +} actual. */
final class LineDiff {
  private static final int CONTEXT = 3;
  private static final int MAX_LINES = 80;

  private LineDiff() {}

  static String of(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    List<String> out = new ArrayList<>();
    out.add("@@ expected lines " + (start + 1) + "-" + endA + ", actual lines " + (start + 1) + "-" + endB + " @@");
    for (int i = Math.max(0, start - CONTEXT); i < start; i++) {
      out.add("  " + a.get(i));
    }
    for (int i = start; i < endA; i++) {
      out.add("- " + a.get(i));
    }
    for (int i = start; i < endB; i++) {
      out.add("+ " + b.get(i));
    }
    for (int i = endA; i < Math.min(a.size(), endA + CONTEXT); i++) {
      out.add("  " + a.get(i));
    }
    if (out.size() > MAX_LINES) {
      int more = out.size() - MAX_LINES;
      out = new ArrayList<>(out.subList(0, MAX_LINES));
      out.add("... (" + more + " more diff lines)");
    }
    return String.join("\n", out);
  }
}
