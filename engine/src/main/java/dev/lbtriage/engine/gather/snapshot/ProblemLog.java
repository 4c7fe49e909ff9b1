package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.SnapshotProblem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Collects the problems met in one file, adding the line of a JSON path where it can be found. */
final class ProblemLog {

  private final String file;
  private final ToIntFunction<String> lineOf;
  private final List<SnapshotProblem> problems = new ArrayList<>();

  ProblemLog(String file, ToIntFunction<String> lineOf) {
    this.file = file;
    this.lineOf = lineOf;
  }

  String file() {
    return file;
  }

  void error(String jsonPath, String message) {
    problems.add(new SnapshotProblem(Severity.ERROR, file, jsonPath, withLine(jsonPath, message)));
  }

  void error(FieldException e) {
    error(e.jsonPath(), e.getMessage());
  }

  void note(String jsonPath, String message) {
    problems.add(new SnapshotProblem(Severity.NOTE, file, jsonPath, message));
  }

  List<SnapshotProblem> problems() {
    return List.copyOf(problems);
  }

  private String withLine(String jsonPath, String message) {
    int line = jsonPath == null || jsonPath.equals("$") ? -1 : lineOf.applyAsInt(jsonPath);
    return line > 0 ? message + " (line " + line + ")" : message;
  }
}
