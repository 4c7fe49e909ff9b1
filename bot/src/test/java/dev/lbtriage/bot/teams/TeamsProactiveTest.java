package dev.lbtriage.bot.teams;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proactive posts through the stored conversation reference, with no inbound activity: the replies a stopped bot
 * saved but could not send are sent by the next bot over the same store once the lease of the stopped one ran out;
 * a turn that ends after the HTTP answer posts into its chat; a message can be posted into a known thread later.
 */
class TeamsProactiveTest {
  static final String REPORT = "lb-shop health probe is down for 172.18.0.5";
  static final String ROOT = "1481567603816";
  static final String THREAD = Activities.CHANNEL + ";messageid=" + ROOT;
  static final String PERSONAL = TeamsFileTest.PERSONAL;

  @TempDir Path dir;
  TeamsHarness teams;
  EngineTeamsConversations conversations;
  ConnectorClientTest.MutableClock clock = new ConnectorClientTest.MutableClock(Instant.now());

  @AfterEach
  void stop() throws Exception {
    if (teams != null) {
      teams.close();
    }
    if (conversations != null) {
      conversations.close();
    }
  }

  private EngineTeamsConversations conversations() {
    JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:file:" + dir.resolve("sessions").toAbsolutePath(), clock);
    return new EngineTeamsConversations(Engines.over(new SnapshotReader(Path.of("..", "examples", "probe-zero-vm-not-responding"))),
        store, Duration.ofMinutes(3));
  }

  @Test
  void replies_a_stopped_bot_saved_but_could_not_send_are_posted_into_the_thread_after_the_restart() throws Exception {
    // given: the connector refuses everything while a triage starts, so its first replies are saved but not sent
    teams = new TeamsHarness();
    conversations = conversations();
    teams.start(conversations);
    teams.connector.failAlways(400);
    teams.post(teams.activities.channelMention(ROOT, REPORT));
    eventually(() -> assertThat(teams.connector.calls()).anySatisfy(c -> assertThat(c.texts()).contains("Something went wrong")));
    List<String> lost = teams.connector.calls().stream().filter(c -> c.method().equals("POST") && c.status() == 400)
        .map(FakeConnector.Call::texts).filter(t -> !t.contains("Something went wrong") && !t.startsWith("⏳") && !t.startsWith("✅")).toList();
    assertThat(lost).as("the turn's cards, refused").isNotEmpty();
    // when: the bot stops; a new one starts over the same store after the stopped one's lease ran out; the connector works again
    teams.stopEndpoint();
    conversations.close();
    teams.connector.failAlways(0);
    clock.plus(Duration.ofMinutes(4));
    conversations = conversations();
    teams.start(conversations);
    assertThat(conversations.references().of(THREAD)).hasValueSatisfying(r -> {
      assertThat(r.serviceUrl()).isEqualTo(teams.connector.serviceUrl());
      assertThat(r.replyTo()).isEqualTo(THREAD);
    });
    int before = teams.connector.calls().size();
    assertThat(teams.endpoint().resumeStalled()).isEqualTo(1);
    // then: with no new activity, the refused cards are posted into the thread, with the connector token
    eventually(() -> {
      List<FakeConnector.Call> all = teams.connector.calls();
      List<FakeConnector.Call> after = all.subList(before, all.size()).stream().filter(c -> c.status() < 300).toList();
      assertThat(after).isNotEmpty().allSatisfy(c -> {
        assertThat(c.conversationId()).isEqualTo(THREAD);
        assertThat(c.authorization()).isEqualTo("Bearer " + TeamsHarness.CONNECTOR_TOKEN);
      });
      String sent = String.join("\n", after.stream().map(FakeConnector.Call::texts).toList());
      lost.forEach(t -> assertThat(sent).contains(t));
    });
    // and once sent they are done: the next sweep finds nothing
    eventually(() -> assertThat(conversations.stalled()).isEmpty());
    assertThat(teams.endpoint().resumeStalled()).isZero();
  }

  @Test
  void a_turn_that_ends_after_the_http_answer_posts_into_its_chat_and_a_later_message_reaches_it_too() throws Exception {
    // given: a conversation whose answer takes longer than the HTTP exchange (a long live read)
    CountDownLatch readDone = new CountDownLatch(1);
    TeamsConversations slow = new TeamsConversations() {
      @Override
      public void handle(String key, String text, String userName, TeamsOutput out) {
        try {
          if (!readDone.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        out.message(Message.text("read finished: " + text));
      }
    };
    teams = new TeamsHarness().start(slow);
    // when: the message is answered 200 while the read still runs
    assertThat(teams.post(teams.activities.personal("check lb-shop live")).statusCode()).isEqualTo(200);
    assertThat(teams.connector.calls()).isEmpty();
    readDone.countDown();
    // then: the result is posted into the chat when it arrives, through the chat's reference
    eventually(() -> assertThat(teams.connector.delivered()).anySatisfy(c -> {
      assertThat(c.conversationId()).isEqualTo(PERSONAL);
      assertThat(c.texts()).contains("read finished: check lb-shop live");
    }));
    // and later, with no activity at hand, a message reaches the chat; an unknown thread has no reference
    assertThat(teams.endpoint().post(PERSONAL, Message.text("the capture is ready"))).isTrue();
    assertThat(teams.connector.delivered()).anySatisfy(c -> {
      assertThat(c.conversationId()).isEqualTo(PERSONAL);
      assertThat(c.texts()).contains("the capture is ready");
    });
    assertThat(teams.endpoint().post("a:never-seen", Message.text("x"))).isFalse();
  }
}
