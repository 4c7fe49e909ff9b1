package dev.lbtriage.engine.session;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where sessions are kept. Given explicitly ({@code --db} or {@code $LB_TRIAGE_DB}): a JDBC URL (H2, or
 * PostgreSQL for several bot replicas; {@code postgresql://} is taken as {@code jdbc:postgresql://}) or the path
 * of an H2 file, whose folder must exist. Else an H2 file {@code sessions} in the user's
 * data folder, created when absent: {@code %LOCALAPPDATA%\lb-triage} on Windows,
 * {@code $XDG_DATA_HOME/lb-triage} or {@code $HOME/.local/share/lb-triage} elsewhere ({@code $HOME},
 * not Java's {@code user.home}, which ignores it).
 */
public final class DataLocation {
  /** The environment variable holding a JDBC URL or a file path that overrides the default location. */
  public static final String ENV_URL = "LB_TRIAGE_DB";
  private static final String H2_FILE = "jdbc:h2:file:";
  private static final String H2_SUFFIX = ".mv.db";

  private DataLocation() {}

  /** The data folder for this environment, OS name and home folder. */
  public static Path dataDir(Map<String, String> env, String osName, Path home) {
    if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      return (notBlank(local) ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("lb-triage");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = notBlank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
    return base.resolve("lb-triage");
  }

  /** The home folder: {@code $HOME} when set to an absolute path, else {@code user.home}. */
  public static Path home(Map<String, String> env, String userHome) {
    String h = env.get("HOME");
    if (notBlank(h)) {
      try {
        Path p = Path.of(h);
        if (p.isAbsolute()) {
          return p;
        }
      } catch (InvalidPathException e) {
        // fall back to user.home
      }
    }
    return Path.of(userHome);
  }

  /** The data folder of this process. */
  public static Path currentDataDir() {
    Map<String, String> env = System.getenv();
    return dataDir(env, System.getProperty("os.name"), home(env, System.getProperty("user.home")));
  }

  /**
   * The JDBC URL to use: {@value #ENV_URL} when set (see {@link #explicit}), else the H2 file in
   * {@link #dataDir}.
   *
   * @throws IllegalArgumentException when {@value #ENV_URL} is set to something unusable
   */
  public static String url(Map<String, String> env, String osName, Path home) {
    String url = env.get(ENV_URL);
    return notBlank(url) ? explicit(url, ENV_URL) : h2File(dataDir(env, osName, home).resolve("sessions"));
  }

  /**
   * A database named by the user: a JDBC URL ({@code jdbc:...}), or the path of an H2 file (with or
   * without {@code .mv.db}) whose folder exists. Nothing is created here.
   *
   * @param where what named it, for the message: {@code --db} or {@value #ENV_URL}
   * @throws IllegalArgumentException saying what was expected
   */
  public static String explicit(String value, String where) {
    String v = value.strip();
    String expected = "give a JDBC URL (jdbc:h2:file:/path/sessions, or jdbc:postgresql://host/db for a store shared by several bot "
        + "replicas) or the path of a session file (/path/sessions.mv.db)";
    if (v.isEmpty()) {
      throw new IllegalArgumentException(where + " is empty; " + expected);
    }
    if (v.regionMatches(true, 0, "jdbc:", 0, 5)) {
      if (v.startsWith(H2_FILE)) {
        requireFolder(Path.of(v.substring(H2_FILE.length()).split(";", 2)[0]), v, where);
      }
      return v;
    }
    if (v.matches("(?i)postgres(ql)?://.*")) {
      return "jdbc:postgresql://" + v.substring(v.indexOf("://") + 3); // the libpq form (DATABASE_URL) of the same URL
    }
    if (v.matches("(?i)[a-z][a-z0-9+.-]*://.*") || v.regionMatches(true, 0, "h2:", 0, 3)) {
      throw new IllegalArgumentException(where + " '" + v + "' is neither a JDBC URL nor a file path; " + expected);
    }
    Path p;
    try {
      p = Path.of(v);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(where + " '" + v + "' is not a usable file path (" + e.getReason() + "); " + expected, e);
    }
    if (Files.isDirectory(p)) {
      throw new IllegalArgumentException(where + " " + v + " is a folder; " + expected + ", e.g. " + p.resolve("sessions" + H2_SUFFIX));
    }
    String file = p.toString();
    Path base = Path.of(file.endsWith(H2_SUFFIX) ? file.substring(0, file.length() - H2_SUFFIX.length()) : file);
    requireFolder(base, v, where);
    return h2File(base);
  }

  private static void requireFolder(Path file, String value, String where) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(where + " " + value + ": the folder " + parent
          + " does not exist; create it first or give another " + where);
    }
  }

  /**
   * An H2 file URL that survives a killed process: the store closes the database itself (not a
   * shutdown hook), and each commit is written to the file at once ({@code WRITE_DELAY=0}; H2's
   * default delays it by up to a second, and a process killed meanwhile loses the turn).
   */
  public static String h2File(Path fileWithoutSuffix) {
    return H2_FILE + fileWithoutSuffix.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  /** A store URL as it may be shown: without its password (for hints, logs and messages). */
  public static String printable(String url) {
    return JdbcSecrets.url(url);
  }

  /** The URL for this process: its environment ({@code LB_TRIAGE_DB}, {@code XDG_DATA_HOME}, {@code HOME}) and {@code os.name}. */
  public static String current() {
    Map<String, String> env = System.getenv();
    return url(env, System.getProperty("os.name"), home(env, System.getProperty("user.home")));
  }

  /** True for the default location (not given by --db or {@value #ENV_URL}): its folder may be created. */
  public static boolean isDefault(Map<String, String> env) {
    return !notBlank(env.get(ENV_URL));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
