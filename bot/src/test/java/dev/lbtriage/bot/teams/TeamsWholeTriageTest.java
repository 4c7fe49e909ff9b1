package dev.lbtriage.bot.teams;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.check.TcpLiveCheckRunner;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.JdbcSessionStore;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole triages of the ilb-hairpin example through the real Teams endpoint: signed activities in, the real engine
 * (KB, Lucene matcher, Drools rules) over the example's snapshot, the H2 session store, and the cards the fake Bot
 * Connector receives. One runs straight through with card clicks and a typed answer; one restarts the bot between
 * two answers and continues.
 */
class TeamsWholeTriageTest {
  static final String REPORT = "The reporting job on vm-api-2 gets intermittent timeouts calling http://10.0.0.6/ (lb-api). "
      + "Calls from other VNets work fine. The job runs on one of the API backends.";
  static final String PROBE_QUESTION = "Does Health Probe Status show the backends healthy?";
  static final String ROOT = "1481567603816";
  static final String THREAD = Activities.CHANNEL + ";messageid=" + ROOT;

  static KnowledgeBase kb;

  @TempDir Path dir;
  TeamsHarness teams;
  EngineTeamsConversations conversations;

  @BeforeEach
  void start() throws Exception {
    if (kb == null) {
      kb = KnowledgeBaseLoader.loadBundled();
    }
    teams = new TeamsHarness();
    conversations = conversations();
    teams.start(conversations);
  }

  @AfterEach
  void stop() throws Exception {
    teams.close();
    conversations.close();
  }

  private EngineTeamsConversations conversations() {
    ConversationEngine engine = new ConversationEngine(new SymptomMatcher(kb), new Diagnoser(kb, RuleEngine.fromClasspath()),
        new SnapshotReader(Path.of("..", "examples", "ilb-hairpin")), Clock.systemUTC(), new TcpLiveCheckRunner(true, "the test"));
    String url = "jdbc:h2:file:" + dir.resolve("sessions").toAbsolutePath();
    return new EngineTeamsConversations(engine, new JdbcSessionStore(url, Clock.systemUTC()));
  }

  @Test
  void a_channel_mention_is_triaged_to_the_confirmed_cause_with_cards_and_a_typed_answer() throws Exception {
    // given: an engineer @mentions the bot in a channel with the scenario's report
    assertThat(teams.post(teams.activities.channelMention(ROOT, REPORT)).statusCode()).isEqualTo(200);
    FakeConnector.Call question = awaitCard(PROBE_QUESTION);
    // when: they click "Yes" on the card (Action.Execute)
    HttpResponse<String> clicked = teams.post(teams.activities.execute(THREAD, idOf(question),
        TeamsHarness.button(question, "Yes")));
    // then: the same HTTP response carries the card again, without buttons, saying who answered what
    assertThat(clicked.statusCode()).isEqualTo(200);
    JsonNode invoke = Activities.JSON.readTree(clicked.body());
    assertThat(invoke.path("statusCode").asInt()).isEqualTo(200);
    assertThat(invoke.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(invoke.path("value").toString()).contains(PROBE_QUESTION).contains("John Doe answered").doesNotContain("ActionSet");
    // and the triage goes on: they decline what was read from the report, and type the client's IP
    FakeConnector.Call fromReport = awaitCard("From your report");
    assertThat(fromReport.texts()).contains("The job runs on one of the API backends");
    teams.post(teams.activities.execute(THREAD, idOf(fromReport), TeamsHarness.button(fromReport, "No")));
    awaitCard("IP address");
    teams.post(teams.activities.channelMention(ROOT, "the client is 10.0.0.5"));
    // then: the thread holds the conclusion, confirmed, with the client's IP as evidence
    eventually(() -> assertThat(allTexts()).contains("10.0.0.5").containsIgnoringCase("confirmed"));
    // every message went into the thread, with the connector token, each under the size limit, as Adaptive Card 1.5
    assertThat(teams.connector.delivered()).allSatisfy(c -> {
      assertThat(c.conversationId()).isEqualTo(THREAD);
      assertThat(c.authorization()).isEqualTo("Bearer " + TeamsHarness.CONNECTOR_TOKEN);
      assertThat(c.body().toString().length() * 2).isLessThanOrEqualTo(CardPacker.MAX_BYTES);
      assertThat(c.body().path("attachments").path(0).path("content").path("version").asText()).isEqualTo("1.5");
    });
    assertThat(teams.tokenRequests.get()).as("the token is fetched once and kept").isEqualTo(1);
    assertThat(conversations.knows(Activities.CHANNEL + ";messageid=" + ROOT)).isTrue();
  }

  @Test
  void a_restart_in_the_middle_of_a_triage_continues_it() throws Exception {
    // given: a triage waiting for the probe question's answer
    teams.post(teams.activities.channelMention(ROOT, REPORT));
    FakeConnector.Call question = awaitCard(PROBE_QUESTION);
    JsonNode yes = TeamsHarness.button(question, "Yes");
    // when: the bot stops and starts again over the same session store (a new process would do the same)
    teams.stopEndpoint();
    conversations.close();
    conversations = conversations();
    teams.start(conversations);
    // and the engineer clicks "Yes" on an older Teams client (the Action.Submit fallback: a message with the data)
    int before = teams.connector.delivered().size();
    assertThat(teams.post(teams.activities.submit(THREAD, idOf(question), yes)).statusCode()).isEqualTo(200);
    // then: the card is updated in place to show the answer, and the triage continues with the next question
    eventually(() -> assertThat(teams.connector.delivered()).anySatisfy(c -> {
      assertThat(c.method()).isEqualTo("PUT");
      assertThat(c.activityId()).isEqualTo(idOf(question));
      assertThat(c.texts()).contains("answered").contains(PROBE_QUESTION);
    }));
    FakeConnector.Call next = awaitCard("From your report");
    assertThat(teams.connector.delivered().indexOf(next)).isGreaterThanOrEqualTo(before);
    List<FakeConnector.Call> after = teams.connector.delivered().subList(before, teams.connector.delivered().size());
    assertThat(after).noneMatch(c -> c.texts().contains(PROBE_QUESTION) && c.method().equals("POST"));
  }

  @Test
  void an_activity_delivered_twice_is_answered_once() throws Exception {
    // given: Teams delivers the same activity (same id) again, e.g. after a timeout on its side
    com.fasterxml.jackson.databind.node.ObjectNode mention = teams.activities.channelMention(ROOT, REPORT);
    assertThat(teams.post(mention).statusCode()).isEqualTo(200);
    awaitCard(PROBE_QUESTION);
    // when
    assertThat(teams.post(mention.deepCopy()).statusCode()).isEqualTo(200);
    // then: a later activity is answered, and the first one's question was asked once (the store claimed its id).
    // Turns of one thread run in order, and the redelivery was accepted before "help" was sent: once "help" is
    // answered, a wrongly started second turn would have posted already, so no wait on time is needed.
    teams.post(teams.activities.channelMention(ROOT, "help"));
    awaitCard("Commands (the whole message");
    // the triage's first card was posted once; "help" was answered (it shows the open question again)
    List<String> posted = teams.connector.delivered().stream().filter(c -> c.method().equals("POST")).map(FakeConnector.Call::texts).toList();
    assertThat(posted).filteredOn(t -> t.contains("let's find out what is wrong")).hasSize(1);
    assertThat(posted).anySatisfy(t -> assertThat(t).contains("Commands (the whole message"));
  }

  /** The id the fake connector gave the card (it answers 1:<n> in order; the call list keeps the order). */
  private String idOf(FakeConnector.Call call) {
    return teams.connector.idOf(call);
  }

  private FakeConnector.Call awaitCard(String text) {
    FakeConnector.Call[] found = new FakeConnector.Call[1];
    eventually(() -> {
      List<FakeConnector.Call> hits = teams.connector.delivered().stream()
          .filter(c -> c.method().equals("POST") && c.texts().contains(text)).toList();
      assertThat(hits).as("a card saying " + text + " in " + allTexts()).isNotEmpty();
      found[0] = hits.get(hits.size() - 1);
    });
    return found[0];
  }

  private String allTexts() {
    return String.join("\n----\n", teams.connector.delivered().stream().map(FakeConnector.Call::texts).toList());
  }
}
