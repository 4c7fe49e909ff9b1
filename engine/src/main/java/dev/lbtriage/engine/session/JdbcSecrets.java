package dev.lbtriage.engine.session;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the credentials of a JDBC URL out of every message: ours, and the driver's that we pass on (a driver may
 * quote the whole URL, {@code No suitable driver found for jdbc:postgresql://user:password@...}). The values
 * found in the URL are masked wherever they appear, and so is anything shaped like {@code password=...} or
 * {@code user:password@}.
 */
final class JdbcSecrets {

  static final String MASK = "***";
  private static final Pattern KEY_VALUE = Pattern.compile("(?i)\\b(password|pwd|pass|passwd|secret)=([^;&\\s\"']*)");
  private static final Pattern USERINFO = Pattern.compile("(//[^:/@\\s]+:)([^@/\\s]+)@");

  private JdbcSecrets() {}

  /** The URL without its password. */
  static String url(String url) {
    return hide(url, url);
  }

  /** {@code text} with the secrets of {@code url}, and anything password-shaped, masked. */
  static String hide(String text, String url) {
    return hide(text, url, List.of());
  }

  /** {@code text} with the secrets of {@code url}, the {@code extra} ones (a password from elsewhere), and anything password-shaped, masked. */
  static String hide(String text, String url, List<String> extra) {
    if (text == null) {
      return null;
    }
    String out = text;
    List<String> secrets = new ArrayList<>(secretsOf(url));
    extra.stream().filter(x -> x != null && x.length() >= 3).forEach(secrets::add);
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    out = KEY_VALUE.matcher(out).replaceAll("$1=" + MASK);
    return USERINFO.matcher(out).replaceAll("$1" + MASK + "@");
  }

  /** A copy of a driver exception without secrets and without its chain (which may quote the URL again). */
  static SQLException sanitized(SQLException e, String url) {
    return sanitized(e, url, List.of());
  }

  /** The same, masking {@code extra} secrets too. */
  static SQLException sanitized(SQLException e, String url, List<String> extra) {
    SQLException copy = new SQLException(e.getClass().getSimpleName() + ": " + hide(e.getMessage(), url, extra), e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private static List<String> secretsOf(String url) {
    List<String> out = new ArrayList<>();
    if (url == null) {
      return out;
    }
    for (Pattern p : List.of(KEY_VALUE, USERINFO)) {
      Matcher m = p.matcher(url);
      while (m.find()) {
        String v = m.group(2);
        if (v != null && v.length() >= 3) {
          out.add(v);
        }
      }
    }
    return out;
  }
}
