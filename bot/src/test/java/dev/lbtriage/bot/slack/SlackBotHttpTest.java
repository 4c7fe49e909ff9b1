package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.slack.FakeConversations.Turn;
import dev.lbtriage.bot.slack.FakeSlackApi.Call;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Bolt app in HTTP mode inside our Jetty on 127.0.0.1, fed signed requests as Slack sends them, talking to
 * a fake Web API on loopback; the engine is {@link FakeConversations}.
 */
class SlackBotHttpTest {

  static final String T1 = "1700000000.000100";

  FakeSlackApi api;
  FakeConversations conversations;
  SlackBot bot;
  SlackServer server;
  SignedSlack slack;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    conversations = new FakeConversations();
    SlackSettings settings =
        SlackSettings.of(FakeSlackApi.TOKEN, SignedSlack.SECRET, null).withApiUrl(api.apiUrl()).withChannelInterval(Duration.ofMillis(10));
    bot = new SlackBot(settings, conversations, d -> {
      sleeps.add(d);
      Sleeper.REAL.sleep(d);
    });
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
  void aMentionStartsAThreadedConversationAndAButtonContinuesIt() {
    assertThat(slack.event(SignedSlack.mention("Ev1", "C1", T1, null, "U1", "<@UBOT> probes fail on lb-web")).statusCode()).isEqualTo(200);

    eventually(() -> assertThat(promptIn(T1)).isNotNull());
    assertThat(conversations.turns()).containsExactly(new Turn("C1:" + T1, "probes fail on lb-web", "U1"));
    assertThat(api.inThread("chat.postMessage", T1)).allMatch(c -> c.param("channel").equals("C1"));

    Call prompt = promptIn(T1);
    assertThat(slack.interactive(SignedSlack.buttonClick("C1", prompt.param("_ts"), T1, "U2", "lbt_answer_0", "yes")).statusCode()).isEqualTo(200);
    eventually(() -> assertThat(texts(T1)).anyMatch(t -> t.contains("NSG blocks the probe")));
    assertThat(conversations.turns("C1:" + T1)).extracting(Turn::text, Turn::user).last().isEqualTo(org.assertj.core.groups.Tuple.tuple("yes", "U2"));
    Call answered = api.calls("chat.update").stream().filter(u -> u.param("ts").equals(prompt.param("_ts"))).findFirst().orElseThrow();
    assertThat(answered.blocks().toString()).contains("<@U2> answered *Yes*").doesNotContain("\"actions\"");

    slack.interactive(SignedSlack.buttonClick("C1", prompt.param("_ts"), T1, "U3", SlackRenderer.WHY_ACTION, "why?"));
    eventually(() -> assertThat(conversations.turns()).contains(new Turn("C1:" + T1, "why?", "U3")));
  }

  @Test
  void threadsSideBySideDoNotCrossTalk() {
    String a = "1700000000.000200";
    String b = "1700000000.000300";
    slack.event(SignedSlack.mention("EvA", "C1", a, null, "U1", "<@UBOT> thread A"));
    slack.event(SignedSlack.mention("EvB", "C2", b, null, "U2", "<@UBOT> thread B"));
    eventually(() -> assertThat(conversations.turns()).hasSize(2));
    for (int i = 1; i <= 3; i++) {
      slack.event(SignedSlack.threadMessage("EvA" + i, "C1", "1700000001.00000" + i, a, "U1", "a-" + i));
      slack.event(SignedSlack.threadMessage("EvB" + i, "C2", "1700000002.00000" + i, b, "U2", "b-" + i));
    }
    slack.event(SignedSlack.threadMessage("EvX", "C1", "1700000003.000001", "1690000000.000001", "U1", "not our thread"));
    slack.event(SignedSlack.threadMessage("EvBot", "C1", "1700000003.000002", a, "BOTHER", "from a bot"));

    eventually(() -> assertThat(texts(a)).anyMatch(t -> t.contains("a-3")));
    eventually(() -> assertThat(texts(b)).anyMatch(t -> t.contains("b-3")));
    assertThat(conversations.turns("C1:" + a)).extracting(Turn::text).containsExactly("thread A", "a-1", "a-2", "a-3");
    assertThat(conversations.turns("C2:" + b)).extracting(Turn::text).containsExactly("thread B", "b-1", "b-2", "b-3");
    assertThat(texts(a)).noneMatch(t -> t.contains("b-") || t.contains("thread B"));
    assertThat(api.inThread("chat.postMessage", b)).allMatch(c -> c.param("channel").equals("C2"));
    assertThat(conversations.turns()).extracting(Turn::text).doesNotContain("not our thread", "from a bot");
  }

  @Test
  void aDirectMessageStartsAConversationInItsThread() {
    String dm = "1700000000.000500";
    slack.event(SignedSlack.directMessage("EvD1", "D1", dm, null, "U1", "probes fail"));
    eventually(() -> assertThat(promptIn(dm)).isNotNull());
    slack.event(SignedSlack.directMessage("EvD2", "D1", "1700000000.000501", dm, "U1", "more detail"));
    eventually(() -> assertThat(conversations.turns("D1:" + dm)).extracting(Turn::text).containsExactly("probes fail", "more detail"));
  }

  @Test
  void forgedStaleOrUnsignedRequestsAreRefusedAndStartNothing() {
    String body = SignedSlack.mention("EvF", "C1", T1, null, "U1", "<@UBOT> forged");
    long now = SignedSlack.now();
    assertThat(slack.send("application/json", body, now, "wrong-secret", Map.of()).statusCode()).isEqualTo(401);
    assertThat(slack.send("application/json", body, now - 301, SignedSlack.SECRET, Map.of()).statusCode()).isEqualTo(401);
    assertThat(slack.send("application/json", body, now, null, Map.of()).statusCode()).isEqualTo(401);
    String tampered = body.replace("forged", "tampered");
    assertThat(slack.send("application/json", tampered, now, null,
        Map.of("X-Slack-Request-Timestamp", Long.toString(now), "X-Slack-Signature", SignedSlack.sign(SignedSlack.SECRET, now, body))).statusCode())
        .isEqualTo(401);
    HttpResponse<String> garbage = slack.send("application/json", "{\"type\":\"event_callback\"}", now, null, Map.of());
    assertThat(garbage.statusCode()).isIn(400, 401);
    assertThat(garbage.body()).doesNotContain("Exception");
    assertThat(slack.form(SignedSlack.command("C1", "U1", "x")).statusCode()).isEqualTo(200); // a valid one after, to flush
    eventually(() -> assertThat(conversations.turns()).hasSize(1));
    assertThat(conversations.turns()).extracting(Turn::text).containsExactly("x");
  }

  @Test
  void aRedeliveredEventIsAnsweredOnce() {
    String body = SignedSlack.mention("EvR", "C1", T1, null, "U1", "<@UBOT> once please");
    assertThat(slack.event(body).statusCode()).isEqualTo(200);
    assertThat(slack.send("application/json", body, SignedSlack.now(), SignedSlack.SECRET,
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode()).isEqualTo(200);
    // a later line in the same thread runs after anything queued before it (turns are serial per thread)
    slack.event(SignedSlack.threadMessage("EvR2", "C1", "1700000005.000001", T1, "U1", "after"));
    eventually(() -> assertThat(texts(T1)).anyMatch(t -> t.contains("You said: after")));
    assertThat(conversations.turns()).extracting(Turn::text).containsExactly("once please", "after");
    assertThat(texts(T1)).filteredOn(t -> t.contains("Triage of")).hasSize(1);
  }

  @Test
  void aRateLimitedCallIsRetriedAfterRetryAfter() {
    api.rateLimitNext("chat.postMessage", 1);
    slack.event(SignedSlack.mention("Ev429", "C1", T1, null, "U1", "<@UBOT> slow down"));
    eventually(() -> assertThat(texts(T1)).anyMatch(t -> t.contains("Triage of: slow down")));
    List<Call> posts = api.calls().stream().filter(c -> c.method().equals("chat.postMessage")).toList();
    assertThat(posts.get(0).status()).isEqualTo(429);
    assertThat(posts.get(1).status()).isEqualTo(200);
    assertThat(posts.get(1).param("text")).isEqualTo(posts.get(0).param("text"));
    assertThat(Duration.ofNanos(posts.get(1).atNanos() - posts.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(sleeps).contains(Duration.ofSeconds(1));
  }

  @Test
  void oversizedAnswersAreSplitOrUploaded() {
    slack.event(SignedSlack.mention("EvL", "C1", T1, null, "U1", "<@UBOT> big output"));
    eventually(() -> assertThat(promptIn(T1)).isNotNull());
    slack.event(SignedSlack.threadMessage("EvL1", "C1", "1700000006.000001", T1, "U1", "big"));
    slack.event(SignedSlack.threadMessage("EvL2", "C1", "1700000006.000002", T1, "U1", "long"));

    eventually(() -> assertThat(api.calls("files.completeUploadExternal")).hasSize(1));
    Call big = api.inThread("chat.postMessage", T1).stream().filter(c -> c.param("text").equals("Output")).findFirst().orElseThrow();
    assertThat(big.blocks().size()).isGreaterThanOrEqualTo(3);
    big.blocks().forEach(block -> assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000));

    Call url = api.calls("files.getUploadURLExternal").get(0);
    assertThat(url.param("filename")).isEqualTo("output.txt");
    assertThat(url.param("length")).isEqualTo("20000");
    assertThat(api.calls("upload").get(0).param("content")).isEqualTo("x".repeat(20_000));
    Call complete = api.calls("files.completeUploadExternal").get(0);
    assertThat(complete.param("channel_id")).isEqualTo("C1");
    assertThat(complete.param("thread_ts")).isEqualTo(T1);
    assertThat(complete.param("files")).contains("F1");
    assertThat(api.calls()).noneMatch(c -> c.method().equals("files.upload"));
  }

  @Test
  void progressEditsOneMessageInPlace() {
    slack.event(SignedSlack.mention("EvP", "C1", T1, null, "U1", "<@UBOT> progress"));
    eventually(() -> assertThat(promptIn(T1)).isNotNull());
    List<Call> progressPosts = api.inThread("chat.postMessage", T1).stream().filter(c -> c.param("text").contains("Reading the load balancer")).toList();
    assertThat(progressPosts).hasSize(1);
    String progressTs = progressPosts.get(0).param("_ts");
    List<Call> updates = api.calls("chat.update");
    assertThat(updates).isNotEmpty().allMatch(u -> u.param("ts").equals(progressTs) && u.param("channel").equals("C1"));
    assertThat(updates.get(updates.size() - 1).param("text")).contains("(3/3)");
  }

  @Test
  void aSlashCommandAcksEphemerallyThenOpensAThread() {
    HttpResponse<String> ack = slack.form(SignedSlack.command("C9", "U1", "backend pool unreachable"));
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("ephemeral").contains("Starting");
    eventually(() -> assertThat(api.calls("chat.postMessage")).anyMatch(c -> c.param("text").startsWith("Triage of")));
    Call root = api.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).findFirst().orElseThrow();
    assertThat(root.param("channel")).isEqualTo("C9");
    assertThat(root.param("text")).contains("<@U1>").contains("backend pool unreachable");
    assertThat(conversations.turns()).containsExactly(new Turn("C9:" + root.param("_ts"), "backend pool unreachable", "U1"));
    assertThat(texts(root.param("_ts"))).anyMatch(t -> t.contains("Triage of: backend pool unreachable"));
  }

  @Test
  void theMessageShortcutStartsInTheAlertsThread() {
    String alert = "1700000000.000777";
    assertThat(slack.interactive(SignedSlack.shortcut("C5", alert, "U4", "ALERT lb-web probe down")).statusCode()).isEqualTo(200);
    eventually(() -> assertThat(promptIn(alert)).isNotNull());
    assertThat(conversations.turns()).containsExactly(new Turn("C5:" + alert, "ALERT lb-web probe down", "U4"));
  }

  @Test
  void healthzAnswers200() throws Exception {
    URI health = URI.create("http://127.0.0.1:" + server.port() + SlackServer.HEALTH_PATH);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private Call promptIn(String threadTs) {
    return api.inThread("chat.postMessage", threadTs).stream()
        .filter(c -> c.blocks().findValues("type").stream().anyMatch(t -> t.asText().equals("actions")))
        .findFirst().orElse(null);
  }

  private List<String> texts(String threadTs) {
    return api.inThread("chat.postMessage", threadTs).stream().map(c -> c.param("text") + "\n" + c.param("blocks")).toList();
  }
}
