package dev.lbtriage.kb.load;

/**
 * One thing wrong with a knowledge-base file.
 *
 * @param file the file as the loader names it, e.g. {@code kb/probe-down.yaml}
 * @param line 1-based line of the offending node (0 when no line is known)
 * @param message what is wrong, in one line
 */
public record Problem(String file, int line, String message) {

  /** {@code file:line: message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
