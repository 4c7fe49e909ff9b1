package dev.lbtriage.bot.slack;

import dev.lbtriage.bot.app.Engines;
import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole triage in Slack (real Bolt over loopback, fake Web API, the real engine on the ilb-hairpin example, an H2
 * store opened with a password in its URL) at debug log level, with recognisable fake values in every credential
 * (issue 19, defect 10 and "secrets"): none of them appears in the log, in anything posted to Slack, or in the store.
 */
class SecretsStayOutTest {

  static final String BOT = "xoxb-FAKEBOT-1111-do-not-log";
  static final String SIGNING = "FAKE-SIGNING-SECRET-Qz2222";
  static final String APP = "xapp-FAKEAPP-3333-do-not-log";
  static final String DB_PASSWORD = "FAKE-DB-PASSWORD-Qz4444";
  static final List<String> SECRETS = List.of(BOT, SIGNING, APP, DB_PASSWORD, BOT.substring(0, 16), "FAKEBOT", "Qz2222", "FAKEAPP", "Qz4444");
  static final String THREAD = "1700000200.000100";

  @Test
  void no_credential_reaches_a_log_a_message_or_the_store() throws Exception {
    String url = "jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=lbt;PASSWORD=" + DB_PASSWORD;
    String logged;
    List<String> posted;
    String stored;
    try (CapturedLog log = new CapturedLog(Level.DEBUG); FakeSlackApi api = new FakeSlackApi();
        JdbcSessionStore store = new JdbcSessionStore(url, Clock.systemUTC())) {
      EngineConversations conversations = new EngineConversations(Engines.over(new SnapshotReader(Path.of("..", "examples", "ilb-hairpin"))), store);
      SlackSettings settings = new SlackSettings(BOT, SIGNING, APP, api.apiUrl(), Duration.ofMillis(10), 2, 100);
      SlackBot bot = new SlackBot(settings, conversations);
      SlackServer server = new SlackServer(bot.app(), "127.0.0.1", 0).start();
      try {
        SignedSlackWith slack = new SignedSlackWith(server);
        slack.event(SignedSlack.mention("EvS1", "C9", THREAD, null, "U1",
            "<@UBOT> The reporting job on vm-api-2 gets intermittent timeouts calling http://10.0.0.6/ (lb-api). Calls from other VNets work fine."));
        eventually(() -> assertThat(api.inThread("chat.postMessage", THREAD)).isNotEmpty());
        slack.event(SignedSlack.threadMessage("EvS2", "C9", "1700000201.000001", THREAD, "U1", "yes, it is listening"));
        slack.event(SignedSlack.threadMessage("EvS3", "C9", "1700000202.000001", THREAD, "U1", "the client is 10.0.0.5"));
        eventually(() -> assertThat(api.inThread("chat.postMessage", THREAD)).hasSizeGreaterThanOrEqualTo(3));
        eventually(() -> assertThat(store.list(10)).isNotEmpty());
      } finally {
        server.close();
        bot.close();
      }
      logged = log.text();
      posted = api.calls().stream().map(c -> c.method() + " " + c.params()).toList();
      stored = store.list(10).toString() + store.latest().map(Object::toString).orElse("");
    }
    assertThat(logged).as("the debug log was captured").contains("DEBUG");
    for (String secret : SECRETS) {
      assertThat(logged).as("log").doesNotContain(secret);
      assertThat(posted).as("Slack calls").noneMatch(p -> p.contains(secret));
      assertThat(stored).as("store").doesNotContain(secret);
    }
  }

  /** {@link SignedSlack} signs with the test secret; this one signs with this test's fake secret. */
  private static final class SignedSlackWith {
    private final SlackServer server;

    SignedSlackWith(SlackServer server) {
      this.server = server;
    }

    void event(String json) {
      new SignedSlack(server.eventsUri()).send("application/json", json, SignedSlack.now(), SIGNING, java.util.Map.of());
    }
  }
}
