package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.slack.FakeConversations.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seeded battery against the real bot on loopback: forged requests (wrong secret, tampered body or signature,
 * stale, future and malformed timestamps, missing headers), correctly signed but malformed ones (invalid UTF-8,
 * truncated or deeply nested JSON, wrong types, broken form encoding, odd content types) and replays of valid
 * ones. Counts forgeries accepted (must be 0), 5xx answers (must be 0) and extra triages started by replays (0).
 * The figures go to {@code target/reliability/slack-requests.txt} for BENCHMARKS.md.
 */
class SlackAttackSuiteTest {

  static final long SEED = 19;
  static final int FORGED = 600;
  static final int MALFORMED = 600;
  static final int REPLAYED = 60;

  FakeSlackApi api;
  FakeConversations conversations;
  SlackBot bot;
  SlackServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    conversations = new FakeConversations();
    SlackSettings settings = SlackSettings.of(FakeSlackApi.TOKEN, SignedSlack.SECRET, null).withApiUrl(api.apiUrl())
        .withChannelInterval(Duration.ofMillis(1));
    bot = new SlackBot(settings, conversations, d -> {});
    server = new SlackServer(bot.app(), "127.0.0.1", 0).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    bot.close();
    api.close();
  }

  @Test
  void noForgeryIsAcceptedNoRequestGetsA5xxAndNoReplayStartsASecondTriage() throws IOException {
    Random rnd = new Random(SEED);
    int sent = 0;
    int forgeriesAccepted = 0;
    int fiveXx = 0;
    List<String> fiveXxSamples = new ArrayList<>();

    for (int i = 0; i < FORGED; i++) {
      String marker = "forged-" + i;
      int status = forged(rnd, i, marker);
      sent++;
      if (status >= 200 && status < 300) {
        forgeriesAccepted++;
      }
      if (status >= 500) {
        fiveXx++;
      }
    }
    for (int i = 0; i < MALFORMED; i++) {
      Malformed m = malformed(rnd, i);
      int status = post(m.contentType(), m.body(), SignedSlack.now(), SignedSlack.SECRET, true);
      sent++;
      if (status >= 500) {
        fiveXx++;
        if (fiveXxSamples.size() < 5) {
          fiveXxSamples.add(m.kind() + " -> " + status);
        }
      }
    }
    int replays = 0;
    for (int i = 0; i < REPLAYED / 3; i++) {
      String body = SignedSlack.encode(SignedSlack.command("CR" + i, "U1", "replay-" + i));
      long ts = SignedSlack.now();
      for (int k = 0; k < 3; k++) {
        int status = post("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), ts, SignedSlack.SECRET, true);
        sent++;
        replays += k > 0 ? 1 : 0;
        fiveXx += status >= 500 ? 1 : 0;
      }
    }
    // the bot still works: a valid request afterwards is handled, and only the first copy of each replayed one was
    post("application/x-www-form-urlencoded", SignedSlack.encode(SignedSlack.command("CZ", "U1", "still alive")).getBytes(StandardCharsets.UTF_8),
        SignedSlack.now(), SignedSlack.SECRET, true);
    eventually(() -> assertThat(conversations.turns()).extracting(Turn::text).contains("still alive"));
    eventually(() -> assertThat(conversations.turns()).hasSize(REPLAYED / 3 + 1));
    List<String> texts = conversations.turns().stream().map(Turn::text).toList();
    long forgedTurns = texts.stream().filter(t -> t.contains("forged-")).count();
    int extraTriages = texts.size() - (REPLAYED / 3 + 1);

    String figures = "Slack requests: " + sent + " sent (" + FORGED + " forged, " + MALFORMED + " signed but malformed, " + replays
        + " replays), forgeries accepted " + (forgeriesAccepted + forgedTurns) + ", 5xx answers " + fiveXx + ", extra triages from replays "
        + extraTriages + " (seed " + SEED + ")";
    System.out.println(figures);
    Path out = Path.of("target", "reliability", "slack-requests.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures + System.lineSeparator());

    assertThat(forgeriesAccepted).as("forged requests answered 2xx").isZero();
    assertThat(forgedTurns).as("forged requests that reached a conversation").isZero();
    assertThat(fiveXx).as("5xx answers, e.g. %s", fiveXxSamples).isZero();
    assertThat(extraTriages).as("triages started by replays").isZero();
  }

  /** One forged variant of a valid mention carrying {@code marker}; returns the HTTP status. */
  private int forged(Random rnd, int i, String marker) {
    String body = SignedSlack.mention("EvF" + i, "C1", "1700000000." + String.format("%06d", i), null, "U1", "<@UBOT> " + marker);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long now = SignedSlack.now();
    switch (i % 12) {
      case 0: return post("application/json", bytes, now, "wrong-secret-" + rnd.nextInt(), true);
      case 1: return post("application/json", bytes, now + 301 + rnd.nextInt(1_000_000), SignedSlack.SECRET, true);
      case 2: return post("application/json", bytes, now - 301 - rnd.nextInt(1_000_000), SignedSlack.SECRET, true);
      case 3: return post("application/json", bytes, now * 1000 + rnd.nextInt(1000), SignedSlack.SECRET, true);
      case 4: return post("application/json", bytes, now, null, false);
      case 5: { // tampered body, signature of the original
        byte[] tampered = body.replace(marker, marker + "!").getBytes(StandardCharsets.UTF_8);
        return send("application/json", tampered, Long.toString(now), sign(SignedSlack.SECRET, Long.toString(now), bytes));
      }
      case 6: { // one hex digit of the signature changed
        String sig = sign(SignedSlack.SECRET, Long.toString(now), bytes);
        int at = 3 + rnd.nextInt(sig.length() - 3);
        char c = sig.charAt(at) == '0' ? '1' : '0';
        return send("application/json", bytes, Long.toString(now), sig.substring(0, at) + c + sig.substring(at + 1));
      }
      case 7: return send("application/json", bytes, Long.toString(now), sign(SignedSlack.SECRET, Long.toString(now), bytes).toUpperCase());
      case 8: return send("application/json", bytes, List.of(" ", "-1", "1e9", "99999999999999999999", "0x10", now + ".5", "")
          .get(rnd.nextInt(7)), sign(SignedSlack.SECRET, Long.toString(now), bytes));
      case 9: return send("application/json", bytes, Long.toString(now), List.of("", "v0=", "v1=" + "a".repeat(64), "v0=" + "0".repeat(64)).get(rnd.nextInt(4)));
      case 10: { // signed for another timestamp than the one sent
        return send("application/json", bytes, Long.toString(now), sign(SignedSlack.SECRET, Long.toString(now - 1), bytes));
      }
      default: { // a slash command signed with the wrong secret
        byte[] form = SignedSlack.encode(SignedSlack.command("C2", "U1", marker)).getBytes(StandardCharsets.UTF_8);
        return post("application/x-www-form-urlencoded", form, now, "not-" + SignedSlack.SECRET, true);
      }
    }
  }

  record Malformed(String kind, String contentType, byte[] body) {}

  private static Malformed malformed(Random rnd, int i) {
    String mention = SignedSlack.mention("EvM" + i, "C1", "1700000000.000001", null, "U1", "<@UBOT> hi");
    String click = SignedSlack.buttonClick("C1", "1800000000.000001", "1700000000.000001", "U2", "lbt_answer_0", "yes");
    return switch (i % 15) {
      case 0 -> json("random bytes", randomBytes(rnd, 1 + rnd.nextInt(2000)));
      case 1 -> json("truncated JSON", mention.substring(0, rnd.nextInt(mention.length())).getBytes(StandardCharsets.UTF_8));
      case 2 -> json("deep nesting", ("{\"type\":\"event_callback\",\"event\":" + "[".repeat(2000 + rnd.nextInt(50_000))).getBytes(StandardCharsets.UTF_8));
      case 3 -> json("event is an array", mention.replaceFirst("\"event\":\\{", "\"event\":[{").replace("}}", "}]}").getBytes(StandardCharsets.UTF_8));
      case 4 -> json("channel is a number", mention.replace("\"channel\":\"C1\"", "\"channel\":" + rnd.nextInt()).getBytes(StandardCharsets.UTF_8));
      case 5 -> json("ts is an object", mention.replace("\"ts\":\"1700000000.000001\"", "\"ts\":{}").getBytes(StandardCharsets.UTF_8));
      case 6 -> json("invalid UTF-8 in text", withInvalidUtf8(mention, rnd));
      case 7 -> json("huge array", ("{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\",\"channel\":\"C1\",\"ts\":\"1.2\",\"blocks\":["
          + "{},".repeat(40_000) + "{}]}}").getBytes(StandardCharsets.UTF_8));
      case 8 -> form("broken percent-encoding", "payload=%" + (char) ('g' + rnd.nextInt(10)) + "x&command=%");
      case 9 -> form("payload not JSON", "payload=" + SignedSlack.encode(Map.of("x", mention.substring(0, 20))));
      case 10 -> form("actions not an array", SignedSlack.encode(Map.of("payload", click.replaceFirst("\"actions\":\\[.*\\]\\}$", "\"actions\":\"x\"}"))));
      case 11 -> form("no user", SignedSlack.encode(Map.of("payload", click.replaceFirst("\"user\":\\{[^}]*\\},", ""))));
      case 12 -> new Malformed("odd content type", List.of("text/plain", "application/xml", "multipart/form-data", "").get(rnd.nextInt(4)),
          mention.getBytes(StandardCharsets.UTF_8));
      case 13 -> json("empty body", new byte[0]);
      default -> form("command with control characters", SignedSlack.encode(SignedSlack.command("C\u0000\n1", "U\r\n", "\u001b[31mred\u0007")));
    };
  }

  private static Malformed json(String kind, byte[] body) {
    return new Malformed(kind, "application/json", body);
  }

  private static Malformed form(String kind, String body) {
    return new Malformed(kind, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] randomBytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private static byte[] withInvalidUtf8(String s, Random rnd) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 2];
    int at = rnd.nextInt(b.length);
    System.arraycopy(b, 0, out, 0, at);
    out[at] = (byte) 0xC3;
    out[at + 1] = (byte) 0x28;
    System.arraycopy(b, at, out, at + 2, b.length - at);
    return out;
  }

  private int post(String contentType, byte[] body, long ts, String secret, boolean signed) {
    return signed ? send(contentType, body, Long.toString(ts), sign(secret, Long.toString(ts), body)) : send(contentType, body, null, null);
  }

  private int send(String contentType, byte[] body, String timestamp, String signature) {
    HttpRequest.Builder r = HttpRequest.newBuilder(server.eventsUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!contentType.isEmpty()) {
      r.header("Content-Type", contentType);
    }
    if (timestamp != null && !timestamp.isBlank()) {
      r.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null && !signature.isBlank()) {
      r.header("X-Slack-Signature", signature);
    }
    try {
      return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
