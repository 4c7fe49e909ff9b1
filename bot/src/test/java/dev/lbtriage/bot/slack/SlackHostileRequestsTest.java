package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lbtriage.bot.slack.FakeConversations.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Bolt app in our Jetty on 127.0.0.1 under requests an attacker or a careless proxy would send: future,
 * stale and millisecond timestamps, replays, requests without a channel, unparseable bodies carrying forged log
 * lines, other HTTP methods and paths, oversized bodies. Each test here failed on the bot as it was before
 * issue 19 (defects 5 to 9).
 */
class SlackHostileRequestsTest {


  FakeSlackApi api;
  FakeConversations conversations;
  SlackBot bot;
  SlackServer server;
  SignedSlack slack;

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    conversations = new FakeConversations();
    SlackSettings settings =
        SlackSettings.of(FakeSlackApi.TOKEN, SignedSlack.SECRET, null).withApiUrl(api.apiUrl()).withChannelInterval(Duration.ofMillis(1));
    bot = new SlackBot(settings, conversations, d -> {});
    server = new SlackServer(bot.app(), "127.0.0.1", 0).start();
    slack = new SignedSlack(server.eventsUri());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    bot.close();
    api.close();
  }

  @Test
  void timestampsMoreThanFiveMinutesAwayInEitherDirectionAreRefused() {
    String body = SignedSlack.mention("EvT", "C1", "1700000000.000100", null, "U1", "<@UBOT> from the future");
    long now = SignedSlack.now();
    for (long ts : new long[] {now + 301, now + 600, now + 86_400, now * 1000, now - 301, now - 86_400, 0}) {
      assertThat(slack.send("application/json", body, ts, SignedSlack.SECRET, Map.of()).statusCode()).as("timestamp %d", ts).isEqualTo(401);
    }
    assertThat(slack.send("application/json", body, now + 200, SignedSlack.SECRET, Map.of()).statusCode()).isEqualTo(200);
    eventually(() -> assertThat(conversations.turns()).hasSize(1));
  }

  @Test
  void aReplayedSlashCommandStartsOneTriage() {
    String form = SignedSlack.encode(SignedSlack.command("C7", "U1", "replayed five times"));
    long ts = SignedSlack.now();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = slack.send("application/x-www-form-urlencoded", form, ts, SignedSlack.SECRET, Map.of());
      assertThat(r.statusCode()).isEqualTo(200);
    }
    // a different command afterwards: its turn runs after anything the replays could have queued
    slack.form(SignedSlack.command("C8", "U1", "marker"));
    eventually(() -> assertThat(conversations.turns()).extracting(Turn::text).contains("marker"));
    eventually(() -> assertThat(api.calls("chat.postMessage")).anyMatch(c -> c.param("text").contains("Triage of: replayed")));
    assertThat(conversations.turns()).extracting(Turn::text).containsOnlyOnce("replayed five times");
    assertThat(api.calls("chat.postMessage")).filteredOn(c -> c.param("thread_ts") == null && c.param("text").contains("replayed five times")).hasSize(1);
  }

  @Test
  void aReplayedButtonClickIsOneAnswer() {
    slack.event(SignedSlack.mention("EvB", "C1", "1700000000.000200", null, "U1", "<@UBOT> start"));
    eventually(() -> assertThat(conversations.turns()).hasSize(1));
    String click = SignedSlack.encode(Map.of("payload", SignedSlack.buttonClick("C1", "1800000000.000009", "1700000000.000200", "U2", "lbt_answer_0", "yes")));
    long ts = SignedSlack.now();
    for (int i = 0; i < 4; i++) {
      assertThat(slack.send("application/x-www-form-urlencoded", click, ts, SignedSlack.SECRET, Map.of()).statusCode()).isEqualTo(200);
    }
    slack.event(SignedSlack.threadMessage("EvB2", "C1", "1700000001.000001", "1700000000.000200", "U1", "after"));
    eventually(() -> assertThat(conversations.turns()).extracting(Turn::text).contains("after"));
    assertThat(conversations.turns()).extracting(Turn::text).containsExactly("start", "yes", "after");
  }

  @Test
  void requestsWithoutAChannelGetA400AndALogLineNotA500() {
    try (CapturedLog log = new CapturedLog(Level.INFO)) {
      String noChannel = SignedSlack.mention("EvN", "C1", "1700000000.000300", null, "U1", "<@UBOT> where am I").replace(",\"channel\":\"C1\"", "");
      HttpResponse<String> mention = slack.event(noChannel);
      assertThat(mention.statusCode()).isEqualTo(400);
      assertThat(mention.body()).contains("without a channel");
      String click = SignedSlack.buttonClick("C1", "1800000000.000009", "1700000000.000200", "U2", "lbt_answer_0", "yes")
          .replace(",\"channel_id\":\"C1\"", "").replace("\"channel\":{\"id\":\"C1\",\"name\":\"incidents\"},", "");
      assertThat(slack.interactive(click).statusCode()).isEqualTo(400);
      assertThat(slack.interactive(SignedSlack.shortcut("C5", "1700000000.000777", "U4", "x").replace("\"channel\":{\"id\":\"C5\",\"name\":\"alerts\"},", ""))
          .statusCode()).isEqualTo(400);
      assertThat(log.text()).contains("app_mention event without a channel").contains("block_actions without a channel")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(conversations.turns()).isEmpty();
  }

  @Test
  void aSlashCommandWithoutAChannelIsAnsweredWithAClearMessage() {
    Map<String, String> form = new LinkedHashMap<>(SignedSlack.command("C1", "U1", "probes fail"));
    form.remove("channel_id");
    HttpResponse<String> r = slack.form(form);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ephemeral").contains("which channel").contains("no triage was started");
    form.put("channel_id", "");
    assertThat(slack.form(form).body()).contains("which channel");
    assertThat(conversations.turns()).isEmpty();
  }

  @Test
  void anUnparseableBodyCannotForgeALogLine() {
    String forged = "{\"type\":\"event_callback\",\n12:00:00.000 ERROR  d.l.b.s.SlackBot - FORGED admin password reset\n" + "x".repeat(5000);
    try (CapturedLog log = new CapturedLog(Level.DEBUG)) {
      assertThat(slack.send("application/json", forged, SignedSlack.now(), SignedSlack.SECRET, Map.of()).statusCode()).isEqualTo(400);
      assertThat(slack.send("application/json", forged, SignedSlack.now(), null, Map.of()).statusCode()).isEqualTo(401);
      assertThat(slack.send("application/x-www-form-urlencoded", "payload=%zz%0A" + forged, SignedSlack.now(), SignedSlack.SECRET, Map.of()).statusCode())
          .isEqualTo(400);
      assertThat(log.lines()).noneMatch(l -> l.startsWith("12:00:00.000") || l.contains("FORGED") && !l.contains("\\n"));
      assertThat(log.text()).contains("Request body refused").doesNotContain("x".repeat(200));
    }
  }

  @Test
  void onlyGetHealthzAndPostEventsAnswer() throws Exception {
    int port = server.port();
    for (String method : List.of("TRACE", "GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      String answer = raw(port, method + " " + SlackServer.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Canary: c4n4ry-header\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(method).startsWith("HTTP/1.1 405").doesNotContain("c4n4ry-header");
    }
    for (String method : List.of("TRACE", "POST", "PUT", "DELETE")) {
      String answer = raw(port, method + " " + SlackServer.HEALTH_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Canary: c4n4ry-header\r\nContent-Length: 0\r\n"
          + "Connection: close\r\n\r\n");
      assertThat(answer).as(method).startsWith("HTTP/1.1 405").doesNotContain("c4n4ry-header");
    }
    for (String method : List.of("GET", "POST", "TRACE")) {
      String answer = raw(port, method + " /admin HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Canary: c4n4ry-header\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(method).matches("(?s)HTTP/1.1 40[45].*").doesNotContain("c4n4ry-header");
    }
    assertThat(raw(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
  }

  @Test
  void oversizedBodiesGet413BeforeAnyParsing() throws Exception {
    String big = "{\"type\":\"event_callback\",\"pad\":\"" + "y".repeat(10 * 1024 * 1024) + "\"}";
    assertThat(slack.send("application/json", big, SignedSlack.now(), SignedSlack.SECRET, Map.of()).statusCode()).isEqualTo(413);
    // no Content-Length (chunked): the body is cut off at the limit all the same
    long ts = SignedSlack.now();
    HttpRequest chunked = HttpRequest.newBuilder(server.eventsUri()).header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", Long.toString(ts)).header("X-Slack-Signature", SignedSlack.sign(SignedSlack.SECRET, ts, big))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
    int status;
    try {
      status = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) { // the server may answer 413 and close before the client has sent everything
      status = 413;
    }
    assertThat(status).isEqualTo(413);
    assertThat(conversations.turns()).isEmpty();
  }

  static String raw(int port, String request) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static URI uri(SlackServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
