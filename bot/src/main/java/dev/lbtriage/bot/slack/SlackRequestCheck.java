package dev.lbtriage.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the HTTP endpoint checks before Bolt sees a request. First the signature: {@code X-Slack-Request-Timestamp}
 * must be whole seconds within {@value #MAX_SKEW_SECONDS} s of now in either direction (Bolt's own check lets any
 * future timestamp through, and a millisecond value is a timestamp far in the future), and {@code
 * X-Slack-Signature} the HMAC of {@code v0:timestamp:body}, compared in constant time. Then the content: a request
 * that would start or continue a conversation must name its channel.
 */
final class SlackRequestCheck {

  static final long MAX_SKEW_SECONDS = 300;

  /** Why a request is refused: the HTTP status, the line for the log and the short body for the caller. */
  record Refusal(int status, String reason, String answer) {
    static Refusal of(int status, String reason) {
      return new Refusal(status, reason, "{\"error\":\"" + reason.replace("\"", "'") + "\"}");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern CHANNEL_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final byte[] signingSecret;

  SlackRequestCheck(String signingSecret) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("a signing secret is required");
    }
    this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** Empty when the request is signed with our secret within the window. */
  Optional<Refusal> signature(String timestamp, String signature, byte[] body, long nowSeconds) {
    if (timestamp == null || signature == null) {
      return Optional.of(Refusal.of(401, "missing X-Slack-Request-Timestamp or X-Slack-Signature"));
    }
    String t = timestamp.trim();
    if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(Refusal.of(401, "X-Slack-Request-Timestamp is not a time in seconds"));
    }
    long skew = Long.parseLong(t) - nowSeconds;
    if (skew > MAX_SKEW_SECONDS) {
      return Optional.of(Refusal.of(401, "request timestamp is " + skew + " s in the future (more than " + MAX_SKEW_SECONDS + " s)"));
    }
    if (-skew > MAX_SKEW_SECONDS) {
      return Optional.of(Refusal.of(401, "request timestamp is " + -skew + " s old (more than " + MAX_SKEW_SECONDS + " s)"));
    }
    byte[] expected = expected(t, body);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(Refusal.of(401, "invalid request signature"));
    }
    return Optional.empty();
  }

  /**
   * Empty when the content may go to Bolt. A signed request that would start a conversation without saying in
   * which channel is refused here with a 400 (an event or an interaction) or, for a slash command, answered with a
   * message the user sees.
   */
  static Optional<Refusal> content(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    try {
      if (type.startsWith("application/json")) {
        return event(JSON.readTree(body));
      }
      if (type.startsWith("application/x-www-form-urlencoded")) {
        Map<String, String> form = form(body);
        if (form.containsKey("payload")) {
          return interaction(JSON.readTree(form.get("payload")));
        }
        if (form.containsKey("command") && !channelId(form.get("channel_id"))) {
          return Optional.of(new Refusal(200, "slash command without channel_id",
              "{\"response_type\":\"ephemeral\",\"text\":\"" + SlackBot.NO_CHANNEL + "\"}"));
        }
        return Optional.empty();
      }
      return Optional.of(Refusal.of(400, "unsupported content type"));
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.of(Refusal.of(400, "unparseable request body"));
    }
  }

  private static Optional<Refusal> event(JsonNode root) {
    if (root == null || !root.isObject()) {
      return Optional.of(Refusal.of(400, "request body is not a JSON object"));
    }
    if (!"event_callback".equals(root.path("type").asText())) {
      return Optional.empty();
    }
    JsonNode event = root.path("event");
    if (!event.isObject()) {
      return Optional.of(Refusal.of(400, "event_callback without an event"));
    }
    String kind = event.path("type").asText();
    if (("app_mention".equals(kind) || "message".equals(kind)) && !channelId(text(event, "channel"))) {
      return Optional.of(Refusal.of(400, kind + " event without a channel"));
    }
    if (("app_mention".equals(kind) || "message".equals(kind)) && blank(text(event, "ts"))) {
      return Optional.of(Refusal.of(400, kind + " event without a ts"));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> interaction(JsonNode p) {
    if (p == null || !p.isObject()) {
      return Optional.of(Refusal.of(400, "payload is not a JSON object"));
    }
    String kind = p.path("type").asText();
    boolean channel = channelId(text(p.path("channel"), "id")) || channelId(text(p.path("container"), "channel_id"));
    if (("block_actions".equals(kind) || "message_action".equals(kind)) && !channel) {
      return Optional.of(Refusal.of(400, kind + " without a channel"));
    }
    if ("block_actions".equals(kind) && (!p.path("actions").isArray() || p.path("actions").isEmpty())) {
      return Optional.of(Refusal.of(400, "block_actions without actions"));
    }
    return Optional.empty();
  }

  private byte[] expected(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        out.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** Slack channel ids are short runs of capitals and digits ({@code C0123ABC}, {@code D..}, {@code G..}). */
  static boolean channelId(String s) {
    return s != null && CHANNEL_ID.matcher(s).matches();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
