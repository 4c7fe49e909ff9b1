package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process with captured stdout and stderr. */
final class Cli {
  private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  record Result(int exit, String out, String err) {
    /** Stdout parsed as one JSON document; fails on anything else (log lines, trailing text). */
    JsonNode json() {
      try {
        return STRICT.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n" + out, e);
      }
    }
  }

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, out.toString(), err.toString());
  }

  static String snapshot(String name) {
    return Path.of("..", "engine", "src", "test", "resources", "snapshots", name).toString();
  }

  static long lines(String s) {
    return s.lines().filter(l -> !l.isBlank()).count();
  }
}
