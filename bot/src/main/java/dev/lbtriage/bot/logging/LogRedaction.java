package dev.lbtriage.bot.logging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for a log: Slack tokens ({@code xoxb-...}, {@code xapp-...}, even a prefix of one),
 * {@code password=}-style values and {@code user:password@} in URLs, and every value registered with
 * {@link #register} or found at start-up in an environment variable whose name says it holds a secret. Also
 * escapes line breaks and other control characters so that no caller can forge a log line.
 */
public final class LogRedaction {

  public static final String MASK = "***";

  private static final Pattern SLACK_TOKEN = Pattern.compile("\\b(xox[a-zA-Z]|xapp)-[A-Za-z0-9-]*");
  private static final Pattern KEY_VALUE =
      Pattern.compile("(?i)\\b(password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|sig|signature)=([^;&\\s\"']+)");
  private static final Pattern URL_USERINFO = Pattern.compile("(://[^:/@\\s]+:)[^@/\\s]+@");
  private static final Pattern SECRET_ENV = Pattern.compile("(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL).*");
  private static final int MIN_SECRET = 6;

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  static {
    registerEnvironment(System.getenv());
  }

  private LogRedaction() {}

  /** From now on, {@code secret} is masked wherever it appears in a log line (values shorter than 6 are ignored). */
  public static void register(String secret) {
    if (secret != null && secret.strip().length() >= MIN_SECRET) {
      SECRETS.add(secret.strip());
    }
  }

  /** Registers the values of variables named like {@code *SECRET*}, {@code *TOKEN*}, {@code *PASSWORD*}. */
  static void registerEnvironment(Map<String, String> env) {
    env.forEach((name, value) -> {
      if (SECRET_ENV.matcher(name).matches()) {
        register(value);
      }
    });
  }

  /** The text with secrets masked; line breaks and control characters stay (for stack traces). */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : SECRETS) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    out = SLACK_TOKEN.matcher(out).replaceAll("$1-" + MASK);
    out = KEY_VALUE.matcher(out).replaceAll("$1=" + MASK);
    return URL_USERINFO.matcher(out).replaceAll("$1" + MASK + "@");
  }

  /** {@link #mask} and then every line break and control character escaped: one log event stays one line. */
  public static String oneLine(String text) {
    String masked = mask(text);
    if (masked == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      String replacement = escape(c);
      if (replacement != null && b == null) {
        b = new StringBuilder(masked.length() + 16).append(masked, 0, i);
      }
      if (b != null) {
        b.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return b == null ? masked : b.toString();
  }

  /** A short, single-line, masked rendering of untrusted text (a request body, say) for a log line. */
  public static String preview(String untrusted, int maxChars) {
    if (untrusted == null) {
      return "(none)";
    }
    String cut = untrusted.length() > maxChars ? untrusted.substring(0, maxChars) : untrusted;
    return oneLine(cut) + (untrusted.length() > maxChars ? "... (" + untrusted.length() + " chars)" : "");
  }

  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> null;
      default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\u001b'
          ? String.format("\\u%04x", (int) c) : null;
    };
  }
}
