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

/** What only an H2 file store does (the rest, on H2 and PostgreSQL alike: {@link StoreContract}). */
class JdbcSessionStoreTest {
  static final Clock CLOCK = Clock.fixed(States.T0, ZoneOffset.UTC);
  @TempDir Path dir;

  static JdbcSessionStore memory() {
    return new JdbcSessionStore("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", CLOCK);
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


}
