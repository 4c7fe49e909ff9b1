package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.bot.slack.FakeSlackApi.Call;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bundle} in a Slack thread, with the real engine over a bundled example: the support-case bundle is uploaded
 * into that thread (files.getUploadURLExternal, the bytes, files.completeUploadExternal with the channel and thread).
 */
class SlackBundleTest {
  static final String THREAD = "1700000200.000100";

  FakeSlackApi api;
  SlackBot bot;
  SlackServer server;
  SignedSlack slack;
  EngineConversations conversations;

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:slack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
    conversations = new EngineConversations(Engines.over(new SnapshotReader(Path.of("..", "examples", "probe-zero-vm-not-responding"))), store);
    SlackSettings settings = SlackSettings.of(FakeSlackApi.TOKEN, SignedSlack.SECRET, null).withApiUrl(api.apiUrl())
        .withChannelInterval(Duration.ofMillis(10));
    bot = new SlackBot(settings, conversations);
    server = new SlackServer(bot.app(), "127.0.0.1", 0).start();
    slack = new SignedSlack(server.eventsUri());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    bot.close();
    conversations.close();
    api.close();
  }

  @Test
  void bundle_in_a_thread_uploads_the_zip_into_that_thread() throws IOException {
    slack.event(SignedSlack.mention("EvB1", "C7", THREAD, null, "U1", "<@UBOT> lb-shop health probe is down for 172.18.0.5"));
    eventually(() -> assertThat(texts()).anyMatch(t -> t.contains("Is the backend VM vm-shop-1 up")));
    slack.event(SignedSlack.threadMessage("EvB2", "C7", "1700000201.000001", THREAD, "U1", "no"));
    eventually(() -> assertThat(texts()).anyMatch(t -> t.contains("Conclusion:")));

    slack.event(SignedSlack.threadMessage("EvB3", "C7", "1700000202.000001", THREAD, "U2", "support bundle"));

    eventually(() -> assertThat(api.calls("files.completeUploadExternal")).hasSize(1));
    Call url = api.calls("files.getUploadURLExternal").get(0);
    assertThat(url.param("filename")).isEqualTo("lb-triage-bundle-lb-shop.zip");
    Call complete = api.calls("files.completeUploadExternal").get(0);
    assertThat(complete.param("channel_id")).isEqualTo("C7");
    assertThat(complete.param("thread_ts")).isEqualTo(THREAD);
    assertThat(complete.param("initial_comment")).contains("Support-case bundle of lb-shop");
    byte[] zip = Base64.getDecoder().decode(api.calls("upload").get(0).param("base64"));
    assertThat(url.param("length")).isEqualTo(Integer.toString(zip.length));
    String summary = unzip(zip).get("lb-triage-bundle-lb-shop/SUMMARY.md");
    assertThat(summary).contains("`vm-responds`", "U1", "lb-shop health probe is down for 172.18.0.5");
  }

  private List<String> texts() {
    return api.inThread("chat.postMessage", THREAD).stream().map(c -> c.param("text") + "\n" + c.param("blocks")).toList();
  }

  private static Map<String, String> unzip(byte[] bytes) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (!e.isDirectory()) {
          out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
