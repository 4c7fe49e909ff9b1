package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Stage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSessionStoreTest {
  static final Clock CLOCK = Clock.fixed(States.T0, ZoneOffset.UTC);
  @TempDir Path dir;

  static JdbcSessionStore memory() {
    return new JdbcSessionStore("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", CLOCK);
  }

  @Test
  void a_saved_conversation_loads_back_equal_and_an_unknown_id_loads_nothing() {
    try (JdbcSessionStore store = memory()) {
      ConversationState s = States.at("a", "slack:C1:1.2", 5);
      store.save(s);
      assertThat(store.load("a")).contains(s);
      assertThat(store.load("b")).isEmpty();
    }
  }

  @Test
  void saving_again_replaces_the_conversation() {
    try (JdbcSessionStore store = memory()) {
      store.save(States.at("a", null, 3));
      store.save(States.at("a", null, 4));
      assertThat(store.load("a").orElseThrow().turn()).isEqualTo(4);
      assertThat(store.list(10)).hasSize(1);
    }
  }

  @Test
  void a_key_finds_the_conversation_saved_last_with_it() {
    try (JdbcSessionStore store = memory()) {
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
    try (JdbcSessionStore store = memory()) {
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
    }
  }

  @Test
  void migrations_are_applied_once_and_opening_again_applies_nothing() throws Exception {
    String url = DataLocation.h2File(dir.resolve("sessions"));
    try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK)) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.FILES.size());
      store.save(States.at("a", null, 2));
    }
    try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK)) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.FILES.size());
      assertThat(store.load("a")).isPresent();
    }
    try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement()
        .executeQuery("SELECT COUNT(*), MIN(version), MAX(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.FILES.size());
      assertThat(rs.getInt(2)).isEqualTo(1);
      assertThat(rs.getInt(3)).isEqualTo(Migrations.FILES.size());
      c.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void every_migration_can_run_twice_so_a_crash_before_its_version_row_is_harmless() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID())) {
      c.setAutoCommit(false);
      Migrations.apply(c, States.T0);
      c.createStatement().execute("DELETE FROM schema_version");
      c.commit();
      assertThat(Migrations.apply(c, States.T0)).isEqualTo(Migrations.FILES.size());
    }
  }

  @Test
  void a_store_reopened_after_close_sees_every_turn_saved_before() {
    String url = DataLocation.h2File(dir.resolve("sessions"));
    try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK)) {
      for (int turn = 1; turn <= 6; turn++) {
        store.save(States.at("a", "k", turn));
      }
    }
    try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK)) {
      assertThat(store.latest()).contains(States.at("a", "k", 6));
      assertThat(store.byKey("k").map(ConversationState::turn)).contains(6);
    }
  }

  @Test
  void a_corrupt_saved_state_is_reported_not_returned() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK); Connection c = DriverManager.getConnection(url)) {
      store.save(States.at("a", null, 1));
      c.createStatement().execute("UPDATE sessions SET state = '{\"@class\":\"java.lang.ProcessBuilder\"}'");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.load("a")).hasMessageContaining("not a valid saved conversation");
    }
  }
}
