package dev.lbtriage.bot.teams;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * The real endpoint (Jetty, token check, bot, connector client) on 127.0.0.1, its keys from a local OpenID
 * metadata endpoint and its replies going to a fake Bot Connector. Waits asked by pacing or Retry-After are
 * recorded, not slept.
 */
final class TeamsHarness implements AutoCloseable {
  static final String CONNECTOR_TOKEN = "connector-token-for-tests";

  final BotFrameworkKeys keys;
  final FakeConnector connector;
  final Activities activities;
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger tokenRequests = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  /** The upload's range size; small in tests that want several PUTs. */
  int uploadChunk = FileUpload.CHUNK;
  private TeamsEndpoint endpoint;

  TeamsHarness() throws IOException {
    keys = new BotFrameworkKeys();
    connector = new FakeConnector();
    activities = new Activities(connector.serviceUrl());
  }

  TeamsHarness start(TeamsConversations conversations) throws Exception {
    OpenIdKeys openId = new OpenIdKeys(keys.metadataUri(), HttpClient.newHttpClient(), Clock.systemUTC(), Duration.ofHours(24), Duration.ZERO);
    BotTokenCheck check = new BotTokenCheck(openId, BotFrameworkKeys.APP_ID, Clock.systemUTC());
    TokenCredential credential = request -> {
      tokenRequests.incrementAndGet();
      return Mono.just(new AccessToken(CONNECTOR_TOKEN, OffsetDateTime.now().plusHours(1)));
    };
    ConnectorClient client = new ConnectorClient(HttpClient.newHttpClient(), new ConnectorToken(credential, Clock.systemUTC()),
        ConversationPacing.teams(), waits::add);
    FileUpload upload = new FileUpload(HttpClient.newHttpClient(), uploadChunk, waits::add);
    endpoint = new TeamsEndpoint(check, conversations, client, upload, "127.0.0.1", 0, 2, Duration.ZERO).start();
    return this;
  }

  void stopEndpoint() throws Exception {
    if (endpoint != null) {
      endpoint.close();
      endpoint = null;
    }
  }

  /** Posts a correctly signed activity. */
  HttpResponse<String> post(ObjectNode activity) throws Exception {
    return post(activity, "Bearer " + keys.token(activity.path("serviceUrl").asText()));
  }

  HttpResponse<String> post(ObjectNode activity, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.messagesUri())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  TeamsEndpoint endpoint() {
    return endpoint;
  }

  URI messagesUri() {
    return endpoint.messagesUri();
  }

  /** The data of the button titled {@code title} (case-insensitive start) in the last card sent that has it. */
  static JsonNode button(FakeConnector.Call call, String title) {
    List<JsonNode> found = new ArrayList<>();
    call.body().findValues("actions").forEach(actions -> actions.forEach(a -> {
      if (a.path("title").asText().toLowerCase().startsWith(title.toLowerCase())) {
        found.add(a.path("data"));
      }
    }));
    if (found.isEmpty()) {
      throw new AssertionError("no button " + title + " in " + call.texts());
    }
    return found.get(0);
  }

  @Override
  public void close() throws Exception {
    stopEndpoint();
    connector.close();
    keys.close();
  }
}
