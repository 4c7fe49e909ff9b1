package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.io.PrintWriter;
import java.util.List;

/**
 * Problems met reading a snapshot: in text mode one warning line each on stderr (file, JSON path,
 * message), in JSON mode a {@code "problems"} array. Never a stack trace.
 */
final class ProblemReport {
  private ProblemReport() {}

  static void warn(PrintWriter err, List<SnapshotProblem> problems) {
    for (SnapshotProblem p : problems) {
      err.println("lb-triage: " + (p.severity() == SnapshotProblem.Severity.ERROR ? "warning" : "note") + ": "
          + p.file() + (p.jsonPath() == null ? "" : " " + p.jsonPath()) + ": " + oneLine(p.message()));
    }
    err.flush();
  }

  static ArrayNode json(List<SnapshotProblem> problems) {
    ArrayNode a = JsonOutput.array();
    for (SnapshotProblem p : problems) {
      ObjectNode o = a.addObject();
      o.put("severity", p.severity().name());
      o.put("file", p.file());
      o.put("jsonPath", p.jsonPath());
      o.put("message", p.message());
    }
    return a;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
