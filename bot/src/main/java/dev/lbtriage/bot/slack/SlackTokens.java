package dev.lbtriage.bot.slack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The bot's secrets, from the environment ({@value #BOT}, {@value #SIGNING}, {@value #APP}) or from a token file
 * of {@code NAME=value} lines with the same names (values missing from the file fall back to the environment). A
 * token file must be readable by its owner only ({@code chmod 600}); a group- or world-accessible file is refused.
 * {@link #toString()} never shows a value.
 */
public record SlackTokens(String botToken, String signingSecret, String appToken) {

  public static final String BOT = "SLACK_BOT_TOKEN";
  public static final String SIGNING = "SLACK_SIGNING_SECRET";
  public static final String APP = "SLACK_APP_TOKEN";

  public static SlackTokens fromEnvironment(Map<String, String> env) {
    return new SlackTokens(blankToNull(env.get(BOT)), blankToNull(env.get(SIGNING)), blankToNull(env.get(APP)));
  }

  /**
   * Reads the file after checking its permissions.
   *
   * @throws IllegalArgumentException when the file is missing, unreadable or open to group or others
   */
  public static SlackTokens fromFile(Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("token file " + file + " does not exist or is not a file");
    }
    checkOwnerOnly(file);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    SlackTokens fallback = fromEnvironment(env);
    return new SlackTokens(
        or(p.getProperty(BOT), fallback.botToken()), or(p.getProperty(SIGNING), fallback.signingSecret()), or(p.getProperty(APP), fallback.appToken()));
  }

  static void checkOwnerOnly(Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system (Windows): rely on the ACLs
    }
    Set<PosixFilePermission> perms;
    try {
      perms = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the permissions of token file " + file, e);
    }
    boolean open = perms.stream().anyMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
    if (open) {
      throw new IllegalArgumentException(
          "token file " + file + " is accessible by group or others (" + PosixFilePermissions.toString(perms)
              + "); make it readable by its owner only: chmod 600 " + file);
    }
  }

  /** The names of the values that are missing for the mode, empty when all are there. */
  public String missing(boolean socketMode) {
    StringBuilder m = new StringBuilder();
    if (botToken == null) {
      m.append(BOT).append(' ');
    }
    if (signingSecret == null && !socketMode) {
      m.append(SIGNING).append(' ');
    }
    if (appToken == null && socketMode) {
      m.append(APP).append(' ');
    }
    return m.toString().trim();
  }

  private static String or(String value, String fallback) {
    String v = blankToNull(value);
    return v != null ? v.trim() : fallback;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "SlackTokens[bot=" + (botToken != null ? "set" : "unset") + ", signingSecret=" + (signingSecret != null ? "set" : "unset")
        + ", app=" + (appToken != null ? "set" : "unset") + "]";
  }
}
