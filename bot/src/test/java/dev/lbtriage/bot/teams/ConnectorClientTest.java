package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The Bot Connector client against a fake connector on loopback: what it sends, how it retries, its token. */
class ConnectorClientTest {
  static final String THREAD = "19:abc@thread.tacv2;messageid=1700000000001";

  FakeConnector connector;
  List<Duration> waits = new ArrayList<>();
  AtomicInteger tokens = new AtomicInteger();
  MutableClock clock = new MutableClock(Instant.parse("2026-12-03T14:00:00Z"));
  ConnectorClient client;

  @BeforeEach
  void start() throws Exception {
    connector = new FakeConnector();
    TokenCredential credential = request -> {
      assertThat(request.getScopes()).containsExactly("https://api.botframework.com/.default");
      int n = tokens.incrementAndGet();
      return Mono.just(new AccessToken("token-" + n, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(1)));
    };
    client = new ConnectorClient(HttpClient.newHttpClient(), new ConnectorToken(credential, clock), ConversationPacing.teams(), waits::add);
  }

  @AfterEach
  void stop() {
    connector.close();
  }

  @Test
  void a_reply_is_posted_to_the_thread_with_the_token_and_an_update_is_a_put() {
    ObjectNode card = Cards.activity(Cards.card(List.of(CardRenderer.textBlock("hello"))));
    String id = client.send(connector.serviceUrl(), THREAD, card);
    client.update(connector.serviceUrl(), THREAD, id, card);
    List<FakeConnector.Call> calls = connector.calls();
    assertThat(calls).extracting(FakeConnector.Call::method).containsExactly("POST", "PUT");
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.conversationId()).isEqualTo(THREAD);
      assertThat(c.authorization()).isEqualTo("Bearer token-1");
    });
    assertThat(calls.get(1).activityId()).isEqualTo(id);
    assertThat(calls.get(1).body().path("id").asText()).isEqualTo(id);
    assertThat(tokens.get()).isEqualTo(1);
  }

  @Test
  void a_429_is_retried_after_the_retry_after_it_names() {
    connector.failNext(429, "7");
    String id = client.send(connector.serviceUrl(), THREAD, Cards.activity(Cards.card(List.of(CardRenderer.textBlock("hi")))));
    assertThat(connector.calls()).extracting(FakeConnector.Call::status).containsExactly(429, 200);
    assertThat(id).isNotBlank();
    assertThat(waits).contains(Duration.ofSeconds(7));
  }

  @Test
  void a_412_502_and_504_are_retried_with_backoff_and_a_400_is_not() {
    connector.failNext(412, null);
    connector.failNext(502, null);
    connector.failNext(504, null);
    client.send(connector.serviceUrl(), THREAD, Cards.activity(Cards.card(List.of(CardRenderer.textBlock("hi")))));
    assertThat(connector.calls()).extracting(FakeConnector.Call::status).containsExactly(412, 502, 504, 200);
    List<Duration> backoffs = waits.stream().filter(d -> d.compareTo(Duration.ofMillis(900)) > 0).toList();
    assertThat(backoffs).hasSize(3);
    assertThat(backoffs.get(2)).isGreaterThan(backoffs.get(0));
    connector.failNext(400, null);
    assertThatThrownBy(() -> client.send(connector.serviceUrl(), THREAD, Cards.activity(Cards.card(List.of()))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("400");
  }

  @Test
  void a_1to1_chat_is_opened_through_the_same_retrying_path() {
    connector.failNext(429, "3");
    ConnectorClient.Created chat = client.createConversation(connector.serviceUrl(), "tenant-1", "28:bot", "29:user", "aad-1");
    assertThat(chat.id()).startsWith("a:1on1-");
    assertThat(connector.calls()).extracting(FakeConnector.Call::status).containsExactly(429, 200);
    assertThat(waits).contains(Duration.ofSeconds(3));
    FakeConnector.Call call = connector.created().get(1);
    assertThat(call.authorization()).isEqualTo("Bearer token-1");
    assertThat(call.body().path("members").path(0).path("id").asText()).isEqualTo("29:user");
    assertThat(call.body().path("channelData").path("tenant").path("id").asText()).isEqualTo("tenant-1");
  }

  @Test
  void retries_stop_after_five_attempts() {
    IntStream.range(0, ConnectorClient.ATTEMPTS).forEach(i -> connector.failNext(429, "1"));
    assertThatThrownBy(() -> client.send(connector.serviceUrl(), THREAD, Cards.activity(Cards.card(List.of()))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("429");
    assertThat(connector.calls()).hasSize(ConnectorClient.ATTEMPTS);
  }

  @Test
  void the_token_is_kept_until_five_minutes_before_it_expires() {
    ObjectNode a = Cards.activity(Cards.card(List.of()));
    client.send(connector.serviceUrl(), THREAD, a);
    clock.plus(Duration.ofMinutes(54));
    client.send(connector.serviceUrl(), THREAD, a);
    assertThat(tokens.get()).isEqualTo(1);
    clock.plus(Duration.ofMinutes(2));
    client.send(connector.serviceUrl(), THREAD, a);
    assertThat(tokens.get()).isEqualTo(2);
    assertThat(connector.calls().get(2).authorization()).isEqualTo("Bearer token-2");
  }

  @Test
  void a_token_is_never_sent_to_plain_http_off_this_machine() {
    assertThatThrownBy(() -> client.send("http://smba.example.com/amer/", THREAD, Cards.activity(Cards.card(List.of()))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("not https");
    assertThat(tokens.get()).isZero();
  }

  @Test
  void an_oversized_reply_is_split_into_cards_under_the_limit_that_keep_every_line_in_order() {
    // given: command output of 3000 numbered lines (about 200 KB as UTF-16)
    List<String> lines = IntStream.range(0, 3000).mapToObj(i -> String.format("line %04d of the effective security rules output", i)).toList();
    Message big = Message.of("Effective security rules", new Section.Commands("az network nic list-effective-nsg", Section.Shell.TEXT,
        List.of(new Section.Command(null, String.join("\n", lines)))), new Section.Buttons("next", List.of(new Section.Button("Next", "next"))));
    // when
    List<ObjectNode> activities = new CardPacker().pack(new CardRenderer().body(big));
    activities.forEach(a -> client.send(connector.serviceUrl(), THREAD, a));
    // then: several messages, each under 28 KB, the lines all there in order, the buttons on the last one only
    List<FakeConnector.Call> sent = connector.calls();
    assertThat(sent.size()).isGreaterThan(5);
    assertThat(sent).allSatisfy(c -> assertThat(c.body().toString().length() * 2).isLessThanOrEqualTo(CardPacker.MAX_BYTES));
    List<String> received = new ArrayList<>();
    sent.forEach(c -> c.body().findValues("inlines").forEach(in -> in.forEach(run -> received.add(run.path("text").asText()))));
    assertThat(received).containsExactlyElementsOf(lines);
    assertThat(sent.get(0).texts()).startsWith("Effective security rules");
    assertThat(sent.subList(0, sent.size() - 1)).noneMatch(c -> c.body().toString().contains("ActionSet"));
    assertThat(sent.get(sent.size() - 1).body().toString()).contains("\"ActionSet\"");
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void plus(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
