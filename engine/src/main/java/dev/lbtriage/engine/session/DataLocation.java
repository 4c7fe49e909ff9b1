package dev.lbtriage.engine.session;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where sessions are kept by default: {@code $LB_TRIAGE_DB} (a JDBC URL) when set, else an H2 file
 * {@code sessions} in the user's data folder: {@code %LOCALAPPDATA%\lb-triage} on Windows,
 * {@code $XDG_DATA_HOME/lb-triage} or {@code ~/.local/share/lb-triage} elsewhere.
 */
public final class DataLocation {
  /** The environment variable holding a JDBC URL that overrides the default location. */
  public static final String ENV_URL = "LB_TRIAGE_DB";

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

  /** The JDBC URL to use: {@value #ENV_URL} when set, else the H2 file in {@link #dataDir}. */
  public static String url(Map<String, String> env, String osName, Path home) {
    String url = env.get(ENV_URL);
    return notBlank(url) ? url.strip() : h2File(dataDir(env, osName, home).resolve("sessions"));
  }

  /**
   * An H2 file URL that survives a killed process: the store closes the database itself (not a
   * shutdown hook), and each commit is written to the file at once ({@code WRITE_DELAY=0}; H2's
   * default delays it by up to a second, and a process killed meanwhile loses the turn).
   */
  public static String h2File(Path fileWithoutSuffix) {
    return "jdbc:h2:file:" + fileWithoutSuffix.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  /** The URL for this process: its environment, {@code os.name} and {@code user.home}. */
  public static String current() {
    return url(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
