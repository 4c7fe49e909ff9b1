package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.conversation.Stage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every session store does, run against H2 ({@link H2StoreTest}) and a real PostgreSQL
 * ({@link PostgresStoreTest}) alike: saving and finding conversations, and what several replicas on one store
 * rely on (claims of delivered inputs, optimistic versions). "Two replicas" are two stores on one database.
 */
abstract class StoreContract {
  static final Duration LEASE = Duration.ofMinutes(2);
  static final List<Reply> REPLIES = List.of(Reply.Say.text("Checking lb-web"),
      new Reply.Prompt("vm-responds", "Does the VM answer on port 80?", "why",
          List.of(new Section.Way(Section.Platform.LINUX, List.of("curl -sI http://10.0.0.4/"))),
          List.of(new Reply.Choice("Yes", "yes"), new Reply.Choice("No", "no"))),
      new Reply.Say(Message.of("Findings",
          new Section.Findings("Findings", List.of(new Section.Finding("nsg-blocks-probe", "NSG", Section.Status.SUSPECTED, List.of("rule 100")))),
          new Section.Commands("az", Section.Shell.BASH, List.of(new Section.Command("list the rules", "az network nsg rule list"))))),
      Reply.Say.notice(Section.Level.WARNING, "careful"));
  MovableClock clock;
  String url;

  /** A URL of an empty database (or schema) of its own. */
  abstract String freshUrl() throws Exception;

  @BeforeEach
  void freshDatabase() throws Exception {
    clock = new MovableClock(States.T0);
    url = freshUrl();
  }

  JdbcSessionStore open() {
    return open(clock);
  }

  JdbcSessionStore open(Clock c) {
    return new JdbcSessionStore(url, c);
  }

  @Test
  void a_saved_conversation_loads_back_equal_and_an_unknown_id_loads_nothing() {
    try (JdbcSessionStore store = open()) {
      ConversationState s = States.at("a", "slack:C1:1.2", 5);
      store.save(s);
      assertThat(store.load("a")).contains(s);
      assertThat(store.load("b")).isEmpty();
    }
  }

  @Test
  void saving_again_replaces_the_conversation() {
    try (JdbcSessionStore store = open()) {
      store.save(States.at("a", null, 3));
      store.save(States.at("a", null, 4));
      assertThat(store.load("a").orElseThrow().turn()).isEqualTo(4);
      assertThat(store.list(10)).hasSize(1);
    }
  }

  @Test
  void a_key_finds_the_conversation_saved_last_with_it() {
    try (JdbcSessionStore store = open()) {
      store.save(States.at("old", "slack:C1:1.2", 3));
      store.save(States.at("new", "slack:C1:1.2", 1));
      store.save(States.at("other", "slack:C1:9.9", 1));
      assertThat(store.byKey("slack:C1:1.2").map(ConversationState::id)).contains("new");
      assertThat(store.byKey("slack:C1:0.0")).isEmpty();
      assertThat(store.load("old")).isPresent();
    }
  }

  @Test
  void latest_and_list_follow_the_order_of_saves_even_with_a_fixed_clock() {
    try (JdbcSessionStore store = open()) {
      assertThat(store.latest()).isEmpty();
      store.save(States.at("a", null, 1));
      store.save(States.at("b", null, 2));
      store.save(States.at("c", null, 3));
      store.save(States.at("a", null, 4));
      assertThat(store.latest().map(ConversationState::id)).contains("a");
      assertThat(store.list(2)).extracting(SessionSummary::id).containsExactly("a", "c");
      SessionSummary first = store.list(1).get(0);
      assertThat(first.stage()).isEqualTo(Stage.ASKING);
      assertThat(first.symptomId()).isEqualTo("probe-down");
      assertThat(first.loadBalancer()).endsWith("/lb-web");
      assertThat(first.turn()).isEqualTo(4);
      assertThat(first.report()).isEqualTo("probe down on lb-web");
      assertThat(store.delete("b")).isTrue();
      assertThat(store.delete("b")).isFalse();
    }
  }

  @Test
  void a_second_store_opened_on_the_same_database_migrates_nothing_and_sees_every_turn() {
    try (JdbcSessionStore first = open()) {
      assertThat(first.schemaVersion()).isEqualTo(Migrations.FILES.size());
      for (int turn = 1; turn <= 4; turn++) {
        first.save(States.at("a", "k", turn));
      }
      try (JdbcSessionStore second = open()) {
        assertThat(second.schemaVersion()).isEqualTo(Migrations.FILES.size());
        assertThat(second.latest()).contains(States.at("a", "k", 4));
      }
    }
  }

  @Test
  void a_corrupt_saved_state_is_reported_not_returned() throws Exception {
    try (JdbcSessionStore store = open(); Connection c = DriverManager.getConnection(url)) {
      store.save(States.at("a", null, 1));
      c.setAutoCommit(true);
      c.createStatement().execute("UPDATE sessions SET state = '{\"@class\":\"java.lang.ProcessBuilder\"}'");
      assertThatThrownBy(() -> store.load("a")).hasMessageContaining("not a valid saved conversation");
    }
  }

  // --- several replicas ---

  @Test
  void an_input_is_claimed_once_and_after_its_turn_is_saved_every_other_delivery_finds_it_done() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      TurnClaim first = a.claim("Ev1", "slack:C1:1.0", "line", "U1", "replica-a", LEASE);
      assertThat(first.outcome()).isEqualTo(TurnClaim.Outcome.CLAIMED);
      assertThat(first.mine()).isTrue();
      TurnClaim copy = b.claim("Ev1", "slack:C1:1.0", "line", "U1", "replica-b", LEASE);
      assertThat(copy.outcome()).isEqualTo(TurnClaim.Outcome.IN_PROGRESS);
      assertThat(copy.mine()).isFalse();
      assertThat(a.saveTurn(States.at("s1", "slack:C1:1.0", 1), 0, first, REPLIES)).isEqualTo(1);
      assertThat(b.claim("Ev1", "slack:C1:1.0", "line", "U1", "replica-b", LEASE).outcome()).as("answered, being sent")
          .isEqualTo(TurnClaim.Outcome.IN_PROGRESS);
      a.delivered(first);
      assertThat(b.claim("Ev1", "slack:C1:1.0", "line", "U1", "replica-b", LEASE).outcome()).isEqualTo(TurnClaim.Outcome.ALREADY_DONE);
      clock.advance(LEASE.multipliedBy(3));
      assertThat(b.claim("Ev1", "slack:C1:1.0", "line", "U1", "replica-b", LEASE).outcome()).as("done stays done after any lease")
          .isEqualTo(TurnClaim.Outcome.ALREADY_DONE);
    }
  }

  @Test
  void a_claim_whose_replica_died_is_taken_over_after_its_lease_and_the_dead_one_can_no_longer_save() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      TurnClaim dead = a.claim("Ev2", "k2", "line", "U1", "replica-a", LEASE);
      assertThat(b.claim("Ev2", "k2", "line", "U1", "replica-b", LEASE).outcome()).isEqualTo(TurnClaim.Outcome.IN_PROGRESS);
      clock.advance(LEASE.plusSeconds(1));
      TurnClaim taken = b.claim("Ev2", "k2", "line", "U1", "replica-b", LEASE);
      assertThat(taken.outcome()).isEqualTo(TurnClaim.Outcome.TAKEN_OVER);
      assertThat(taken.attempt()).isEqualTo(2);
      assertThatThrownBy(() -> a.saveTurn(States.at("late", "k2", 1), 0, dead, REPLIES)).isInstanceOf(TurnConflictException.class);
      assertThat(a.forTurn("k2")).as("the late save wrote nothing").isEmpty();
      b.saveTurn(States.at("s2", "k2", 1), 0, taken, REPLIES);
      assertThat(a.forTurn("k2").orElseThrow().state().id()).isEqualTo("s2");
    }
  }

  @Test
  void a_released_claim_is_run_again_at_once_by_the_next_delivery() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      TurnClaim failed = a.claim("Ev3", "k3", "line", "U1", "replica-a", LEASE);
      a.release(failed);
      TurnClaim retry = b.claim("Ev3", "k3", "line", "U1", "replica-b", LEASE);
      assertThat(retry.outcome()).isEqualTo(TurnClaim.Outcome.TAKEN_OVER);
      assertThat(retry.owner()).isEqualTo("replica-b");
      assertThat(retry.text()).isEqualTo("line");
      b.release(retry);
      TurnClaim third = a.claim("Ev3", "k3", "line", "U1", "replica-a", LEASE);
      assertThat(third.attempt()).isEqualTo(SessionStore.MAX_ATTEMPTS);
      a.release(third);
      assertThat(b.claim("Ev3", "k3", "line", "U1", "replica-b", LEASE).outcome()).as("given up after %d attempts", SessionStore.MAX_ATTEMPTS)
          .isEqualTo(TurnClaim.Outcome.IN_PROGRESS);
      assertThat(b.stalled("k3", "replica-b", LEASE)).isEmpty();
    }
  }

  @Test
  void what_a_replica_that_died_left_is_picked_up_by_the_next_one_to_touch_the_conversation_oldest_first() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      // a answered Ev5 (state saved) and died before sending; then claimed Ev6 and died before saving
      TurnClaim answered = a.claim("Ev5", "k6", "first line", "U1", "replica-a", LEASE);
      a.saveTurn(States.at("s6", "k6", 1), 0, answered, REPLIES);
      clock.advance(Duration.ofSeconds(1));
      a.claim("Ev6", "k6", "second line", "U2", "replica-a", LEASE);
      assertThat(b.stalled("k6", "replica-b", LEASE)).as("within the lease a may still be working").isEmpty();
      clock.advance(LEASE.plusSeconds(1));
      List<TurnClaim> left = b.stalled("k6", "replica-b", LEASE);
      assertThat(left).extracting(TurnClaim::inputId).containsExactly("Ev5", "Ev6");
      assertThat(left.get(0).outcome()).isEqualTo(TurnClaim.Outcome.DELIVER);
      assertThat(left.get(0).undelivered()).as("the replies, back equal (progress left out)").isEqualTo(REPLIES);
      assertThat(left.get(1).outcome()).isEqualTo(TurnClaim.Outcome.TAKEN_OVER);
      assertThat(left.get(1).text()).isEqualTo("second line");
      assertThat(left.get(1).userId()).isEqualTo("U2");
      assertThat(a.stalled("k6", "replica-a", LEASE)).as("taken: nobody else gets them").isEmpty();
      b.delivered(left.get(0));
      VersionedState v = b.forTurn("k6").orElseThrow();
      b.saveTurn(v.state().nextTurn(States.T0), v.version(), left.get(1), List.of());
      b.delivered(left.get(1));
      clock.advance(LEASE.multipliedBy(2));
      assertThat(b.stalled("k6", "replica-b", LEASE)).isEmpty();
      assertThat(a.claim("Ev6", "k6", "second line", "U2", "replica-a", LEASE).outcome()).isEqualTo(TurnClaim.Outcome.ALREADY_DONE);
    }
  }

  @Test
  void a_conversation_address_is_kept_replaced_and_seen_by_another_store_on_the_same_database() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      assertThat(a.address("teams:19:x;messageid=1")).isEmpty();
      a.saveAddress("teams:19:x;messageid=1", "{\"serviceUrl\":\"https://smba.trafficmanager.net/amer/\"}");
      b.saveAddress("teams:19:x;messageid=1", "{\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"}");
      a.saveAddress("teams:a:1on1", "{}");
      assertThat(a.address("teams:19:x;messageid=1")).contains("{\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\"}");
      assertThat(b.address("teams:a:1on1")).contains("{}");
    }
  }

  @Test
  void the_keys_with_work_a_dead_replica_left_are_listed_by_prefix_once_its_lease_ran_out() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      TurnClaim answered = a.claim("T1", "teams:k1", "line", "U1", "replica-a", LEASE);
      a.saveTurn(States.at("t1", "teams:k1", 1), 0, answered, REPLIES);
      a.claim("T2", "teams:k2", "line", "U1", "replica-a", LEASE);
      TurnClaim done = a.claim("T3", "teams:k3", "line", "U1", "replica-a", LEASE);
      a.saveTurn(States.at("t3", "teams:k3", 1), 0, done, List.of());
      a.delivered(done);
      a.claim("S1", "slack:C1:1.0", "line", "U1", "replica-a", LEASE);
      assertThat(b.stalledKeys("teams:")).as("within the lease").isEmpty();
      clock.advance(LEASE.plusSeconds(1));
      assertThat(b.stalledKeys("teams:")).containsExactly("teams:k1", "teams:k2");
      assertThat(b.stalledKeys("slack:")).containsExactly("slack:C1:1.0");
      b.stalled("teams:k1", "replica-b", LEASE);
      assertThat(b.stalledKeys("teams:")).as("taken over: leased again").containsExactly("teams:k2");
    }
  }

  @Test
  void a_turn_is_saved_only_over_the_version_it_started_from() {
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      long v1 = a.saveTurn(States.at("s", "k4", 1), 0, null, List.of());
      VersionedState seenByA = a.forTurn("k4").orElseThrow();
      VersionedState seenByB = b.forTurn("k4").orElseThrow();
      assertThat(seenByA.version()).isEqualTo(v1).isEqualTo(seenByB.version());
      long v2 = b.saveTurn(States.at("s", "k4", 2), seenByB.version(), null, List.of());
      assertThat(v2).isEqualTo(v1 + 1);
      assertThatThrownBy(() -> a.saveTurn(States.at("s", "k4", 2), seenByA.version(), null, List.of())).isInstanceOf(TurnConflictException.class);
      VersionedState now = a.forTurn("k4").orElseThrow();
      assertThat(now.version()).isEqualTo(v2);
      a.saveTurn(States.at("s", "k4", 3), now.version(), null, List.of());
      assertThat(b.load("s").orElseThrow().turn()).isEqualTo(3);
      assertThatThrownBy(() -> b.saveTurn(States.at("other", "k4", 1), 0, null, List.of())).as("a second conversation for one key")
          .isInstanceOf(TurnConflictException.class);
    }
  }

  @Test
  void a_plain_save_keeps_the_version_moving_so_a_turn_started_before_it_cannot_overwrite_it() {
    try (JdbcSessionStore a = open()) {
      a.saveTurn(States.at("s", "k5", 1), 0, null, List.of());
      VersionedState before = a.forTurn("k5").orElseThrow();
      a.save(States.at("s", "k5", 2));
      assertThatThrownBy(() -> a.saveTurn(States.at("s", "k5", 2), before.version(), null, List.of())).isInstanceOf(TurnConflictException.class);
    }
  }

  @Test
  void two_replicas_racing_over_the_same_deliveries_answer_each_exactly_once() throws Exception {
    int inputs = 40;
    try (JdbcSessionStore a = open(); JdbcSessionStore b = open()) {
      ConcurrentHashMap<String, String> winner = new ConcurrentHashMap<>();
      AtomicInteger doubleWins = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (JdbcSessionStore store : List.of(a, b)) {
        String owner = store == a ? "a" : "b";
        for (int t = 0; t < 2; t++) {
          work.add(pool.submit(() -> {
            go.await();
            for (int i = 0; i < inputs; i++) {
              String key = "race:" + (i % 5);
              TurnClaim c = store.claim("E" + i, key, "line", "U1", owner, LEASE);
              if (!c.mine()) {
                continue;
              }
              if (winner.putIfAbsent("E" + i, owner) != null) {
                doubleWins.incrementAndGet();
              }
              while (true) { // one turn of the conversation, over whatever version is there now
                var saved = store.forTurn(key);
                ConversationState next = saved.map(v -> v.state().nextTurn(States.T0))
                    .orElse(States.at("conv-" + key + "-" + owner, key, 1));
                try {
                  store.saveTurn(next, saved.map(VersionedState::version).orElse(0L), c, REPLIES);
                  store.delivered(c);
                  break;
                } catch (TurnConflictException again) {
                  // another replica saved a turn of this conversation first: run it again on the new state
                }
              }
            }
            return null;
          }));
        }
      }
      go.countDown();
      for (Future<?> f : work) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(doubleWins).hasValue(0);
      assertThat(winner).hasSize(inputs);
      int turns = 0;
      for (int k = 0; k < 5; k++) {
        turns += a.forTurn("race:" + k).orElseThrow().state().turn();
      }
      assertThat(turns).as("every answered input is one turn, none lost, none doubled").isEqualTo(inputs);
    }
  }
}
