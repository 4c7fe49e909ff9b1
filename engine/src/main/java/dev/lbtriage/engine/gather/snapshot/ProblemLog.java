package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.SnapshotProblem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Collects the problems met in one file, adding the line of a JSON path where it can be found. */
final class ProblemLog {

  static final int MAX_MESSAGE = 400;
  static final int MAX_PROBLEMS = 100;
  static final int MAX_WITH_LINE = 20;
  private static final java.util.regex.Pattern SOURCE_QUOTE = java.util.regex.Pattern.compile("\\[Source: .*?; (?=line: )",
      java.util.regex.Pattern.DOTALL);

  private final String file;
  private final ToIntFunction<String> lineOf;
  private final List<SnapshotProblem> problems = new ArrayList<>();
  private int more;

  ProblemLog(String file, ToIntFunction<String> lineOf) {
    this.file = file;
    this.lineOf = lineOf;
  }

  String file() {
    return file;
  }

  void error(String jsonPath, String message) {
    if (problems.size() >= MAX_PROBLEMS) {
      more++;
      return;
    }
    // finding a line streams the file again: only for the first few, so a hostile file stays linear
    String text = problems.size() < MAX_WITH_LINE ? withLine(jsonPath, oneLine(message)) : oneLine(message);
    problems.add(new SnapshotProblem(Severity.ERROR, file, jsonPath, text));
  }

  void error(FieldException e) {
    error(e.jsonPath(), e.getMessage());
  }

  void note(String jsonPath, String message) {
    if (problems.size() >= MAX_PROBLEMS) {
      more++;
      return;
    }
    problems.add(new SnapshotProblem(Severity.NOTE, file, jsonPath, oneLine(message)));
  }

  /** The problems, the first {@value #MAX_PROBLEMS}; then one more saying how many were not listed. */
  List<SnapshotProblem> problems() {
    if (more == 0) {
      return List.copyOf(problems);
    }
    List<SnapshotProblem> all = new ArrayList<>(problems);
    all.add(new SnapshotProblem(Severity.ERROR, file, "$", more + " more problems in this file not listed (only the first "
        + MAX_PROBLEMS + " are)"));
    return List.copyOf(all);
  }

  /**
   * A message on one short line: a parser's quote of the file ({@code [Source: ...]}) is dropped, control
   * characters are escaped and the text is cut at {@value #MAX_MESSAGE} characters.
   */
  static String oneLine(String message) {
    String m = message == null ? "" : SOURCE_QUOTE.matcher(message).replaceAll("[");
    StringBuilder b = new StringBuilder(Math.min(m.length(), MAX_MESSAGE + 16));
    for (int i = 0; i < m.length() && b.length() < MAX_MESSAGE; i++) {
      char c = m.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        b.append(' ');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return m.length() > MAX_MESSAGE ? b + "..." : b.toString();
  }

  private String withLine(String jsonPath, String message) {
    int line = jsonPath == null || jsonPath.equals("$") ? -1 : lineOf.applyAsInt(jsonPath);
    return line > 0 ? message + " (line " + line + ")" : message;
  }
}
