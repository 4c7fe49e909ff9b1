package dev.lbtriage.bot.teams;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's handling of each activity shape from research/teams/, behind a real token check. */
class TeamsEndpointTest {
  TeamsHarness teams;
  EchoConversations conversations = new EchoConversations();

  @BeforeEach
  void start() throws Exception {
    teams = new TeamsHarness().start(conversations);
  }

  @AfterEach
  void stop() throws Exception {
    teams.close();
  }

  @Test
  void an_install_into_a_team_is_greeted_in_the_channel_and_starts_no_triage() throws Exception {
    ObjectNode added = teams.activities.botAddedToTeam();
    assertThat(teams.post(added).statusCode()).isEqualTo(200);
    eventually(() -> assertThat(teams.connector.delivered()).hasSize(1));
    FakeConnector.Call greeting = teams.connector.delivered().get(0);
    assertThat(greeting.conversationId()).isEqualTo("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2");
    assertThat(greeting.texts()).contains("I'm lb-triage").contains("@mention me");
    assertThat(conversations.calls).isEmpty();
  }

  @Test
  void a_mention_reaches_the_conversation_without_the_at_text_and_the_reply_lands_in_its_thread() throws Exception {
    teams.post(teams.activities.channelMention("1481567603816", "probe   is down on lb-api"));
    eventually(() -> assertThat(teams.connector.delivered()).hasSize(1));
    assertThat(conversations.calls).containsExactly(new EchoConversations.Call(
        Activities.CHANNEL + ";messageid=1481567603816", "probe is down on lb-api", "Jane Smith"));
    assertThat(teams.connector.delivered().get(0).conversationId()).isEqualTo(Activities.CHANNEL + ";messageid=1481567603816");
  }

  @Test
  void two_threads_in_a_channel_are_two_conversations_and_a_personal_chat_is_one() throws Exception {
    teams.post(teams.activities.channelMention("100", "first"));
    teams.post(teams.activities.channelMention("200", "second"));
    teams.post(teams.activities.personal("in the chat"));
    teams.post(teams.activities.personal("still the chat"));
    eventually(() -> assertThat(conversations.calls).hasSize(4));
    assertThat(conversations.calls.stream().map(EchoConversations.Call::key).distinct()).hasSize(3);
    assertThat(conversations.calls.stream().filter(c -> c.key().startsWith("a:")).map(EchoConversations.Call::text))
        .containsExactly("in the chat", "still the chat");
  }

  @Test
  void a_mention_with_no_words_gets_the_greeting_not_a_triage() throws Exception {
    teams.post(teams.activities.channelMention("300", ""));
    eventually(() -> assertThat(teams.connector.delivered()).hasSize(1));
    assertThat(teams.connector.delivered().get(0).texts()).contains("I'm lb-triage");
    assertThat(conversations.calls).isEmpty();
  }

  @Test
  void an_invoke_that_is_not_an_lb_triage_answer_is_refused_in_the_invoke_response() throws Exception {
    ObjectNode invoke = teams.activities.execute(Activities.CHANNEL + ";messageid=1", "1:1", Activities.JSON.createObjectNode().put("x", 1));
    HttpResponse<String> response = teams.post(invoke);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Activities.JSON.readTree(response.body());
    assertThat(body.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.error");
    ObjectNode legacy = Activities.load("invoke_cardAction_channel.json");
    legacy.put("serviceUrl", teams.connector.serviceUrl());
    assertThat(teams.post(legacy).statusCode()).isEqualTo(501);
    assertThat(conversations.calls).isEmpty();
  }

  @Test
  void only_post_on_api_messages_and_no_huge_or_broken_bodies() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    assertThat(http.send(HttpRequest.newBuilder(teams.messagesUri()).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(405);
    assertThat(http.send(HttpRequest.newBuilder(teams.messagesUri().resolve("/other")).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);
    String huge = "{\"text\":\"" + "x".repeat(MessagesServlet.MAX_BODY) + "\"}";
    assertThat(http.send(HttpRequest.newBuilder(teams.messagesUri()).POST(HttpRequest.BodyPublishers.ofString(huge)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    HttpResponse<String> broken = http.send(HttpRequest.newBuilder(teams.messagesUri()).POST(HttpRequest.BodyPublishers.ofString("{not json"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).isEqualTo("the body is not a JSON activity\n");
  }
}
