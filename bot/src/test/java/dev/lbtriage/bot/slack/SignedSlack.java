package dev.lbtriage.bot.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to the bot the way Slack does: {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature:
 * v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}; JSON for events, form bodies for commands and
 * {@code payload=} for interactivity.
 */
final class SignedSlack {

  static final String SECRET = "test-signing-secret-not-real";

  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  SignedSlack(URI endpoint) {
    this.endpoint = endpoint;
  }

  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** An event callback, signed now. */
  HttpResponse<String> event(String json) {
    return send("application/json", json, now(), SECRET, Map.of());
  }

  HttpResponse<String> form(Map<String, String> fields) {
    return send("application/x-www-form-urlencoded", encode(fields), now(), SECRET, Map.of());
  }

  HttpResponse<String> interactive(String payloadJson) {
    return form(Map.of("payload", payloadJson));
  }

  /** Full control: any content, timestamp, secret and extra headers (a null secret sends no signature headers). */
  HttpResponse<String> send(String contentType, String body, long timestamp, String secret, Map<String, String> extraHeaders) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Slack-Request-Timestamp", Long.toString(timestamp)).header("X-Slack-Signature", sign(secret, timestamp, body));
    }
    extraHeaders.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String mention(String eventId, String channel, String ts, String threadTs, String user, String text) {
    String thread = threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"";
    return "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"" + eventId
        + "\",\"event_time\":1800000000,\"event\":{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":\"" + text
        + "\",\"ts\":\"" + ts + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"" + thread + "}}";
  }

  static String threadMessage(String eventId, String channel, String ts, String threadTs, String user, String text) {
    String who = user.startsWith("B") ? "\"bot_id\":\"" + user + "\"" : "\"user\":\"" + user + "\"";
    return "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"" + eventId
        + "\",\"event_time\":1800000000,\"event\":{\"type\":\"message\",\"channel_type\":\"channel\"," + who + ",\"text\":\"" + text
        + "\",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"}}";
  }

  /** A direct message to the bot; {@code threadTs} null for a top-level one. */
  static String directMessage(String eventId, String channel, String ts, String threadTs, String user, String text) {
    String json = threadMessage(eventId, channel, ts, threadTs == null ? "" : threadTs, user, text).replace("\"channel_type\":\"channel\"", "\"channel_type\":\"im\"");
    return threadTs == null ? json.replace(",\"thread_ts\":\"\"", "") : json;
  }

  static String buttonClick(String channel, String messageTs, String threadTs, String user, String actionId, String value) {
    return "{\"type\":\"block_actions\",\"api_app_id\":\"A1\",\"team\":{\"id\":\"T1\",\"domain\":\"t\"},\"user\":{\"id\":\"" + user
        + "\",\"team_id\":\"T1\"},\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"message\",\"message_ts\":\"" + messageTs
        + "\",\"channel_id\":\"" + channel + "\",\"is_ephemeral\":false,\"thread_ts\":\"" + threadTs + "\"},\"channel\":{\"id\":\""
        + channel + "\",\"name\":\"incidents\"},\"message\":{\"type\":\"message\",\"user\":\"UBOT\",\"ts\":\"" + messageTs
        + "\",\"thread_ts\":\"" + threadTs + "\",\"text\":\"q\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*q*\"}},"
        + "{\"type\":\"actions\",\"block_id\":\"lbt_prompt:symptom:0\",\"elements\":[{\"type\":\"button\",\"action_id\":\"lbt_answer_0\","
        + "\"text\":{\"type\":\"plain_text\",\"text\":\"Yes\"},\"value\":\"yes\"}]}]},\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId
        + "\",\"block_id\":\"lbt_prompt:symptom:0\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + (value.equals("yes") ? "Yes" : value)
        + "\"},\"value\":\"" + value + "\",\"action_ts\":\"1800000001.1\"}]}";
  }

  static String shortcut(String channel, String messageTs, String user, String text) {
    return "{\"type\":\"message_action\",\"callback_id\":\"" + SlackBot.SHORTCUT + "\",\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\""
        + user + "\"},\"channel\":{\"id\":\"" + channel + "\",\"name\":\"alerts\"},\"message_ts\":\"" + messageTs
        + "\",\"response_url\":\"https://hooks.slack.com/x\",\"message\":{\"type\":\"message\",\"ts\":\"" + messageTs + "\",\"text\":\"" + text + "\"}}";
  }

  static Map<String, String> command(String channel, String user, String text) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("token", "x");
    form.put("team_id", "T1");
    form.put("channel_id", channel);
    form.put("user_id", user);
    form.put("command", SlackBot.COMMAND);
    form.put("text", text);
    form.put("response_url", "https://hooks.slack.com/commands/x");
    form.put("trigger_id", "1.2.3");
    return form;
  }
}
