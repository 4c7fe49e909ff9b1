package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real bot processes (Slack HTTP mode on loopback, signed requests) on one real PostgreSQL: every event and its
 * redelivery reaches both, and each turn is answered exactly once; then one replica is killed with SIGKILL while it
 * is in a turn, and the other finishes that turn and the conversation, with nothing answered lost.
 */
class TwoReplicasTest {
  static final Duration WAIT = Duration.ofSeconds(90);
  static final Duration LEASE = Duration.ofSeconds(6);
  static final String THREAD = "1700000200.000100";
  static final Path SNAPSHOT = Path.of("..", "examples", "ilb-hairpin").toAbsolutePath().normalize();
  static EmbeddedPostgres pg;
  @TempDir Path home;

  @BeforeAll
  static void startDatabase() throws Exception {
    pg = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void two_replicas_answer_each_event_once_and_one_killed_mid_turn_loses_nothing() throws Exception {
    String db = pg.getJdbcUrl("postgres", "postgres");
    try (FakeSlackApi apiA = new FakeSlackApi(); FakeSlackApi apiB = new FakeSlackApi();
        BotReplica a = BotReplica.start(home.resolve("a"), apiA.apiUrl(), db, LEASE, SNAPSHOT);
        BotReplica b = BotReplica.start(home.resolve("b"), apiB.apiUrl(), db, LEASE, SNAPSHOT)) {
      SignedSlack toA = new SignedSlack(a.events());
      SignedSlack toB = new SignedSlack(b.events());
      List<FakeSlackApi> apis = List.of(apiA, apiB);

      // every event, and Slack's redelivery of it, reaches both replicas at once
      everywhere(List.of(toA, toB), SignedSlack.mention("EvT1", "C7", THREAD, null, "U1",
          "<@UBOT> The reporting job on vm-api-2 gets intermittent timeouts calling http://10.0.0.6/ (lb-api). "
              + "Calls from other VNets work fine. The job runs on one of the API backends."));
      eventually(WAIT, () -> assertThat(count(apis, "Does Health Probe Status show the backends healthy?")).isEqualTo(1));
      everywhere(List.of(toA, toB), SignedSlack.threadMessage("EvT2", "C7", "1700000200.500000", THREAD, "U1", "yes"));
      eventually(WAIT, () -> assertThat(count(apis, "From your report")).isEqualTo(1));

      // replica A takes the next answer and is killed while it is in that turn (its calls to Slack hang)
      apiA.holdChatCalls();
      assertThat(toA.event(SignedSlack.threadMessage("EvT3", "C7", "1700000201.000001", THREAD, "U1", "no")).statusCode()).isEqualTo(200);
      eventually(WAIT, () -> assertThat(apiA.heldCalls()).isPositive());
      assertThat(a.kill()).isEqualTo(137);
      String leftAs = status("event:EvT3");

      // the next message reaches B once A's lease has run out: B first finishes what A left, then answers it
      waitForLeaseEnd("event:EvT3");
      everywhere(List.of(toB), SignedSlack.threadMessage("EvT4", "C7", "1700000202.000001", THREAD, "U1", "the client is 10.0.0.5"));
      eventually(WAIT, () -> assertThat(String.join("\n", texts(apiB))).contains("10.0.0.5").containsIgnoringCase("confirmed"));

      // one reply per turn across both replicas: the question A was killed while sending came once, from B
      assertThat(count(apis, "Does Health Probe Status show the backends healthy?")).isEqualTo(1);
      assertThat(count(apis, "From your report")).isEqualTo(1);
      assertThat(count(apis, "IP address")).as("the question of the killed turn (A had it %s)", leftAs).isEqualTo(1);
      assertThat(apiB.inThread("chat.postMessage", THREAD)).anyMatch(c -> (c.param("text") + c.param("blocks")).contains("IP address"));
      // nothing answered lost: every event is one done turn of the one conversation, the killed one taken over once
      eventually(WAIT, () -> assertThat(doneInputs()).containsExactly("event:EvT1", "event:EvT2", "event:EvT3", "event:EvT4"));
      assertThat(attempts("event:EvT3")).isEqualTo(2);
      assertThat(conversations()).isEqualTo(1);
      System.out.printf("two-replica test: duplicate replies 0; killed turn left %s, finished by the other replica%n", leftAs);
    }
  }

  private static void everywhere(List<SignedSlack> replicas, String event) {
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (SignedSlack r : replicas) {
      sent.add(CompletableFuture.supplyAsync(() -> r.event(event)));
      sent.add(CompletableFuture.supplyAsync(() -> r.send("application/json", event, SignedSlack.now(), SignedSlack.SECRET,
          Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))));
    }
    sent.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));
  }

  /** Messages posted in the thread, across the replicas, that contain {@code text}. */
  private static long count(List<FakeSlackApi> apis, String text) {
    return apis.stream().flatMap(api -> texts(api).stream()).filter(t -> t.contains(text)).count();
  }

  private static List<String> texts(FakeSlackApi api) {
    return api.inThread("chat.postMessage", THREAD).stream().map(c -> c.param("text") + "\n" + c.param("blocks")).toList();
  }

  private static Connection sql() throws Exception {
    return DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
  }

  private static String status(String input) throws Exception {
    try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT status FROM processed_inputs WHERE input_id = '" + input + "'")) {
      return rs.next() ? rs.getString(1) : "nothing";
    }
  }

  private static int attempts(String input) throws Exception {
    try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT attempt FROM processed_inputs WHERE input_id = '" + input + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void waitForLeaseEnd(String input) {
    eventually(WAIT, () -> {
      try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery(
          "SELECT lease_until FROM processed_inputs WHERE input_id = '" + input + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).isBefore(Instant.now());
      } catch (AssertionError e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  /** The inputs answered and delivered (after the last reply is sent, so polled). */
  private static List<String> doneInputs() {
    List<String> out = new ArrayList<>();
    try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT input_id FROM processed_inputs WHERE status = 'DONE' ORDER BY input_id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static int conversations() throws Exception {
    try (Connection c = sql(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sessions")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
