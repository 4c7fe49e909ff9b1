package dev.lbtriage.rules.facts;

/**
 * Something wrong with an input file. Errors (broken JSON, wrong type, missing required field)
 * skip what could not be read; notes (unknown resource type) skip a resource on purpose.
 *
 * @param file the file, relative to the snapshot folder
 * @param jsonPath where in the file, e.g. {@code $.properties.probes[0].properties.port}
 */
public record SnapshotProblem(Severity severity, String file, String jsonPath, String message) {
  public enum Severity {
    ERROR,
    NOTE
  }

  @Override
  public String toString() {
    return file + (jsonPath == null ? "" : " at " + jsonPath) + ": " + message;
  }
}
