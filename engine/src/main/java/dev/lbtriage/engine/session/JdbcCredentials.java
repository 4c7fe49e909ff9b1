package dev.lbtriage.engine.session;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the user and password of a database server come from, first found wins: the URL itself
 * ({@code jdbc:postgresql://host/db?user=u&password=p}, or {@code jdbc:postgresql://u:p@host/db}, which the driver
 * would not take and is rewritten); else {@value #ENV_USER} and {@value #ENV_PASSWORD}; else the first line of the
 * file {@value #ENV_PASSWORD_FILE} names, refused when its group or others may read it. The password found is
 * handed to the driver as a property (never put in the URL) and masked in every message.
 */
final class JdbcCredentials {
  static final String ENV_USER = "LB_TRIAGE_DB_USER";
  static final String ENV_PASSWORD = "LB_TRIAGE_DB_PASSWORD";
  static final String ENV_PASSWORD_FILE = "LB_TRIAGE_DB_PASSWORD_FILE";
  private static final Pattern USERINFO = Pattern.compile("^(jdbc:postgresql://)([^/@?]+)@(.*)$", Pattern.CASE_INSENSITIVE);

  /** The URL to open, the properties to open it with, and the secrets to mask. */
  record Resolved(String url, Properties properties, List<String> secrets) {}

  private JdbcCredentials() {}

  /** @throws SessionStoreException when the password file is unreadable or readable by others */
  static Resolved resolve(String url, Map<String, String> env) {
    Properties props = new Properties();
    List<String> secrets = new ArrayList<>();
    if (Dialect.of(url) != Dialect.POSTGRES) {
      return new Resolved(url, props, secrets);
    }
    String out = url;
    Matcher m = USERINFO.matcher(url);
    if (m.matches()) {
      String[] userPass = m.group(2).split(":", 2);
      props.setProperty("user", decode(userPass[0]));
      if (userPass.length == 2) {
        String password = decode(userPass[1]);
        props.setProperty("password", password);
        secrets.add(password);
        secrets.add(userPass[1]);
      }
      out = m.group(1) + m.group(3);
    }
    String lower = out.toLowerCase(Locale.ROOT);
    boolean urlUser = props.containsKey("user") || lower.matches(".*[?&]user=.*");
    boolean urlPassword = props.containsKey("password") || lower.matches(".*[?&]password=.*");
    if (!urlUser && notBlank(env.get(ENV_USER))) {
      props.setProperty("user", env.get(ENV_USER));
    }
    if (!urlPassword) {
      String password = notBlank(env.get(ENV_PASSWORD)) ? env.get(ENV_PASSWORD)
          : notBlank(env.get(ENV_PASSWORD_FILE)) ? fromFile(Path.of(env.get(ENV_PASSWORD_FILE))) : null;
      if (password != null) {
        props.setProperty("password", password);
        secrets.add(password);
      }
    }
    return new Resolved(out, props, secrets);
  }

  /** The first line of an owner-only file. */
  static String fromFile(Path file) {
    try {
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
          throw new SessionStoreException(ENV_PASSWORD_FILE + " " + file + " can be read by others ("
              + PosixFilePermissions.toString(perms) + "); make it yours only: chmod 600 " + file, null);
        }
      }
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
      if (first.isEmpty()) {
        throw new SessionStoreException(ENV_PASSWORD_FILE + " " + file + " is empty; put the database password on its first line", null);
      }
      return first;
    } catch (IOException e) {
      throw new SessionStoreException("cannot read " + ENV_PASSWORD_FILE + " " + file + " (" + e.getClass().getSimpleName()
          + "); check that it exists and is yours", null);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
