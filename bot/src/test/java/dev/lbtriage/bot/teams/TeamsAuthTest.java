package dev.lbtriage.bot.teams;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real endpoint refuses every activity whose Bot Framework token is not right, with 401 or 403, and starts
 * nothing for it; a right token (also one a little past its expiry, within the 5 minutes of skew, and one signed
 * by a key published after the bot started) is accepted.
 */
class TeamsAuthTest {
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

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("no Authorization header", 401, (Function<Ctx, String>) c -> null),
        Arguments.of("not a Bearer token", 401, (Function<Ctx, String>) c -> "Basic dXNlcjpwYXNz"),
        Arguments.of("unsigned (alg none)", 401, (Function<Ctx, String>) c -> "Bearer " + unsigned(c.serviceUrl)),
        Arguments.of("garbage", 401, (Function<Ctx, String>) c -> "Bearer not.a.jwt"),
        Arguments.of("signed by another key with the published key id", 401, (Function<Ctx, String>) c ->
            "Bearer " + BotFrameworkKeys.token(BotFrameworkKeys.generate("key-1"), b -> b.claim("serviceurl", c.serviceUrl))),
        Arguments.of("signature tampered with", 401, (Function<Ctx, String>) c -> {
          String[] parts = c.keys.token(c.serviceUrl).split("\\.");
          String claims = Base64URL.encode(Base64URL.from(parts[1]).decodeToString().replace(BotFrameworkKeys.APP_ID, "00000000-0000-0000-0000-000000000000")).toString();
          return "Bearer " + parts[0] + "." + claims + "." + parts[2];
        }),
        Arguments.of("a key the metadata does not publish", 401, (Function<Ctx, String>) c ->
            "Bearer " + BotFrameworkKeys.token(BotFrameworkKeys.generate("key-unknown"), b -> b.claim("serviceurl", c.serviceUrl))),
        Arguments.of("expired more than 5 minutes ago", 401, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(),
            b -> b.claim("serviceurl", c.serviceUrl).expirationTime(Date.from(Instant.now().minusSeconds(6 * 60))))),
        Arguments.of("not valid for another 10 minutes", 401, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(),
            b -> b.claim("serviceurl", c.serviceUrl).notBeforeTime(Date.from(Instant.now().plusSeconds(10 * 60))))),
        Arguments.of("no expiry", 401, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(),
            b -> b.claim("serviceurl", c.serviceUrl).expirationTime(null))),
        Arguments.of("wrong audience", 403, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(),
            b -> b.claim("serviceurl", c.serviceUrl).audience("11111111-2222-3333-4444-555555555555"))),
        Arguments.of("wrong issuer", 403, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(),
            b -> b.claim("serviceurl", c.serviceUrl).issuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"))),
        Arguments.of("serviceurl of another region", 403, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(),
            b -> b.claim("serviceurl", "https://smba.trafficmanager.net/emea/"))),
        Arguments.of("no serviceurl claim", 403, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(c.key(), b -> {})),
        Arguments.of("a key endorsed only for webchat", 403, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(
            c.keys.publish("key-webchat", List.of("webchat")), b -> b.claim("serviceurl", c.serviceUrl))),
        Arguments.of("a key with no endorsements", 403, (Function<Ctx, String>) c -> "Bearer " + BotFrameworkKeys.token(
            c.keys.publish("key-bare", null), b -> b.claim("serviceurl", c.serviceUrl))));
  }

  record Ctx(BotFrameworkKeys keys, String serviceUrl) {
    RSAKey key() {
      return keys.key("key-1");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("refused")
  void a_bad_token_is_refused_and_starts_nothing(String why, int status, Function<Ctx, String> authorization) throws Exception {
    // given: a mention in a thread, with a bad token
    ObjectNode bad = teams.activities.channelMention("root-1", "the probe is down");
    HttpResponse<String> response = teams.post(bad, authorization.apply(new Ctx(teams.keys, teams.connector.serviceUrl())));
    // then: refused, and when a good mention in the same thread (turns run in order) has been answered, it is the only one
    assertThat(response.statusCode()).as(why).isEqualTo(status);
    HttpResponse<String> good = teams.post(teams.activities.channelMention("root-1", "second try"));
    assertThat(good.statusCode()).isEqualTo(200);
    eventually(() -> assertThat(teams.connector.delivered()).hasSize(1));
    assertThat(conversations.calls).extracting(EchoConversations.Call::text).containsExactly("second try");
    assertThat(teams.connector.delivered().get(0).texts()).contains("heard: second try");
  }

  @Test
  void a_token_expired_within_the_five_minutes_of_skew_is_accepted() throws Exception {
    ObjectNode a = teams.activities.channelMention("root-2", "still fine");
    String token = BotFrameworkKeys.token(teams.keys.key("key-1"), b -> b.claim("serviceurl", teams.connector.serviceUrl())
        .expirationTime(Date.from(Instant.now().minusSeconds(2 * 60))));
    assertThat(teams.post(a, "Bearer " + token).statusCode()).isEqualTo(200);
    eventually(() -> assertThat(conversations.calls).hasSize(1));
  }

  @Test
  void a_key_published_after_start_is_fetched_when_a_token_names_it() throws Exception {
    // given: the keys were read once for a first activity
    assertThat(teams.post(teams.activities.channelMention("root-3", "one")).statusCode()).isEqualTo(200);
    int fetches = teams.keys.keyFetches.get();
    // when: the Bot Framework rolls a new key and signs with it
    RSAKey rolled = teams.keys.publish("key-2", List.of("msteams"));
    String token = BotFrameworkKeys.token(rolled, b -> b.claim("serviceurl", teams.connector.serviceUrl()));
    HttpResponse<String> response = teams.post(teams.activities.channelMention("root-3", "two"), "Bearer " + token);
    // then: the unknown key id made the bot read the keys again, and the activity was accepted
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(teams.keys.keyFetches.get()).isEqualTo(fetches + 1);
    eventually(() -> assertThat(conversations.calls).extracting(EchoConversations.Call::text).containsExactly("one", "two"));
  }

  @Test
  void a_known_key_is_not_fetched_again() throws Exception {
    assertThat(teams.post(teams.activities.channelMention("root-4", "one")).statusCode()).isEqualTo(200);
    assertThat(teams.post(teams.activities.channelMention("root-4", "two")).statusCode()).isEqualTo(200);
    assertThat(teams.keys.keyFetches.get()).isEqualTo(1);
  }

  private static String unsigned(String serviceUrl) {
    String header = Base64URL.encode("{\"alg\":\"none\"}").toString();
    String claims = Base64URL.encode("{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + BotFrameworkKeys.APP_ID
        + "\",\"serviceurl\":\"" + serviceUrl + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").toString();
    return header + "." + claims + ".";
  }
}
