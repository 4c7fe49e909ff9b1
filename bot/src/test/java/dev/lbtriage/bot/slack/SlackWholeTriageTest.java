package dev.lbtriage.bot.slack;

import dev.lbtriage.bot.app.Engines;
import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole triage in a Slack thread with the real engine behind the port: the real Bolt app in HTTP
 * mode receives signed requests, the conversation runs on the ilb-hairpin example, and the thread
 * gets the question, then the confirmed cause and its fix.
 */
class SlackWholeTriageTest {
  static final String THREAD = "1700000100.000100";

  FakeSlackApi api;
  SlackBot bot;
  SlackServer server;
  SignedSlack slack;
  EngineConversations conversations;

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:slack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
    conversations = new EngineConversations(Engines.over(new SnapshotReader(Path.of("..", "examples", "ilb-hairpin"))), store);
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
  void a_mention_is_triaged_to_a_confirmed_cause_with_its_fix_in_the_thread() {
    // given: an engineer mentions the bot with the scenario's report
    slack.event(SignedSlack.mention("EvW1", "C9", THREAD, null, "U1",
        "<@UBOT> The reporting job on vm-api-2 gets intermittent timeouts calling http://10.0.0.6/ (lb-api). "
            + "Calls from other VNets work fine. The job runs on one of the API backends."));
    // when: the engineer says the probes are healthy (the words fit two situations and the snapshot has no metrics),
    // declines the answers read from the report, so as to be asked, and gives the client's IP
    eventually(() -> assertThat(texts()).anyMatch(t -> t.contains("Does Health Probe Status show the backends healthy?")));
    slack.event(SignedSlack.threadMessage("EvW1b", "C9", "1700000100.500000", THREAD, "U1", "yes"));
    eventually(() -> assertThat(texts()).anyMatch(t -> t.contains("From your report")
        && t.contains("The job runs on one of the API backends")));
    slack.event(SignedSlack.threadMessage("EvW2", "C9", "1700000101.000001", THREAD, "U1", "no"));
    eventually(() -> assertThat(texts()).anyMatch(t -> t.contains("IP address")));
    slack.event(SignedSlack.threadMessage("EvW3", "C9", "1700000102.000001", THREAD, "U1", "the client is 10.0.0.5"));
    // then: the thread holds the confirmed cause with its evidence and the fix
    eventually(() -> assertThat(texts()).anyMatch(t -> t.contains("ilb-hairpin") || t.contains("internal load balancer")));
    eventually(() -> assertThat(String.join("\n", texts())).contains("10.0.0.5").containsIgnoringCase("confirmed"));
    // the conclusion is one Slack message: its headline and the Details / Why / Support buttons together
    eventually(() -> assertThat(texts()).anySatisfy(t -> assertThat(t).contains("Conclusion:", "lbt_prompt:concluded")));
    assertThat(texts()).filteredOn(t -> t.contains("Conclusion:")).hasSize(1);
    assertThat(api.inThread("chat.postMessage", THREAD)).allMatch(c -> c.param("channel").equals("C9"));
    assertThat(conversations.knows("C9:" + THREAD)).isTrue();
  }

  private List<String> texts() {
    return api.inThread("chat.postMessage", THREAD).stream().map(c -> c.param("text") + "\n" + c.param("blocks")).toList();
  }
}
