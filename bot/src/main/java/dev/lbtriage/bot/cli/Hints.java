package dev.lbtriage.bot.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the commands the tool suggests ("go on with: lb-triage chat --resume t-1") start, so they work
 * as printed: {@code $LB_TRIAGE_COMMAND} (the launcher sets it to {@code lb-triage} when that is on
 * PATH, else to its own path), else {@code java -jar <this jar>} when run from the jar, else
 * {@code lb-triage}.
 */
public final class Hints {
  /** Set by the launcher: how the user started lb-triage. */
  public static final String ENV = "LB_TRIAGE_COMMAND";

  private Hints() {}

  /** The start of a suggested command, e.g. {@code ./lb-triage}. */
  public static String command() {
    return command(System.getenv(), runningJar());
  }

  static String command(Map<String, String> env, Path jar) {
    String c = env.get(ENV);
    if (c != null && !c.isBlank()) {
      return quote(c.strip());
    }
    return jar == null ? "lb-triage" : "java -jar " + quote(jar.toString());
  }

  /** The command that resumes a session, with the {@code --db} it was saved in when one was given (its password masked). */
  public static String resume(String id, String db) {
    return command() + " chat --resume " + id + (db == null || db.isBlank() ? ""
        : " --db " + quote(dev.lbtriage.engine.session.DataLocation.printable(db.strip())));
  }

  private static Path runningJar() {
    try {
      Path p = Path.of(Hints.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath() : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** Single quotes around a word a shell would split or expand. */
  static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
