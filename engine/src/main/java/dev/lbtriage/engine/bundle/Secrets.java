package dev.lbtriage.engine.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens, keys, passwords, connection strings and SAS signatures never reach a bundle, redacted or
 * not: in JSON a field whose name says it holds one loses its value, and in any text the value of
 * a recognisable secret is replaced by {@link #REMOVED}.
 */
final class Secrets {
  static final String REMOVED = "(secret removed by lb-triage)";

  /** JSON field names that hold a secret (compared without case). */
  private static final Pattern SECRET_FIELD = Pattern.compile(
      "(?i).*(password|passwd|secret|token|connectionstring|accountkey|accesskey|sharedkey|sharedaccesskey|privatekey|apikey"
          + "|primarykey|secondarykey|authkey|authenticationkey|sastoken|sasurl|sasuri|signature|credential).*"
          + "|(?i)customdata|userdata|protectedsettings|sig|key|keyvalue|value_secret");

  /**
   * Connection strings and query strings: AccountKey=, SharedAccessKey=, Password=, sig= ... The name and the
   * separator are group 1 and kept: a capture, not a look-behind, so that a text of megabytes is read in linear time.
   */
  private static final Pattern KEY_VALUE = Pattern.compile("(?i)(\\b(?:accountkey|sharedaccesskey|sharedaccesssignature|password|passwd"
      + "|pwd|client_secret|clientsecret|secret|access_token|refresh_token|token|apikey|api_key|sig|signature|key)\\s?[=:]\\s?\"?)"
      + "[^\\s;&\"'<>,]+");
  /** user:password@ in URLs; the scheme's end and the user are group 1, kept. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]{1,64}:)[^@/\\s]+(?=@)");
  /** The patterns whose group 1 is kept before the mark. */
  private static final java.util.Set<Pattern> KEEPS_PREFIX = java.util.Set.of(KEY_VALUE, URL_PASSWORD);

  private static final List<Pattern> IN_TEXT = List.of(
      // PEM private keys, whole
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
      // JSON web tokens (Azure and Entra ID access tokens)
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.?[A-Za-z0-9_-]*"),
      // Slack tokens
      Pattern.compile("\\b(xox[a-zA-Z]|xapp)-[A-Za-z0-9-]+"),
      // Bearer / Basic authorization values
      Pattern.compile("(?i)(?<=\\b(bearer|basic)\\s)[A-Za-z0-9._~+/=-]{8,}"),
      KEY_VALUE,
      URL_PASSWORD,
      // a 64-byte key in base64 (storage account keys) or a long base64 secret with padding
      Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])"));

  /** A JSON member whose name says it holds a secret, in text that is not valid JSON: its string value goes. */
  private static final Pattern JSON_MEMBER = Pattern.compile(
      "(?i)(\"[A-Za-z0-9_$-]*(?:password|passwd|secret|token|connectionstring|accountkey|accesskey|sharedkey|privatekey|apikey"
          + "|customdata|userdata|signature)[A-Za-z0-9_$-]*\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

  private Secrets() {}

  /** The text with every recognisable secret value replaced. */
  static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = JSON_MEMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REMOVED + m.group(3)));
    for (Pattern p : IN_TEXT) {
      Matcher m = p.matcher(out);
      if (m.find()) {
        out = KEEPS_PREFIX.contains(p) ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + REMOVED))
            : m.replaceAll(Matcher.quoteReplacement(REMOVED));
      }
    }
    return out;
  }

  /** True when a field of this name holds a secret. */
  static boolean secretField(String name) {
    return name != null && SECRET_FIELD.matcher(name).matches();
  }

  /**
   * The JSON with secret fields emptied and secrets in every string removed, in place; true when
   * anything changed.
   */
  static boolean scrub(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      List<String> names = new java.util.ArrayList<>();
      it.forEachRemaining(e -> names.add(e.getKey()));
      for (String name : names) {
        JsonNode v = o.get(name);
        if (secretField(name) && !v.isNull() && !v.isBoolean() && !v.isNumber() && !(v.isContainerNode() && v.isEmpty())) {
          o.set(name, TextNode.valueOf(REMOVED));
          changed = true;
        } else if (v.isTextual()) {
          String s = scrub(v.asText());
          if (!s.equals(v.asText())) {
            o.set(name, TextNode.valueOf(s));
            changed = true;
          }
        } else {
          changed |= scrub(v);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isTextual()) {
          String s = scrub(v.asText());
          if (!s.equals(v.asText())) {
            a.set(i, TextNode.valueOf(s));
            changed = true;
          }
        } else {
          changed |= scrub(v);
        }
      }
    }
    return changed;
  }
}
