package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session store file that is empty, cut short or not a store at all is reported with what happened and what to
 * do, and left exactly as it was (issue 19, defect 3); a password in a JDBC URL is never echoed, by us or by the
 * driver's message we pass on, nor by the exception's cause (defect 4).
 */
class DamagedStoreTest {
  static final Clock CLOCK = Clock.fixed(States.T0, ZoneOffset.UTC);
  static final String PASSWORD = "Hunter2-FAKE-db-password";
  @TempDir Path dir;

  @Test
  void an_empty_store_file_is_reported_and_left_untouched() throws Exception {
    Path file = dir.resolve("sessions.mv.db");
    Files.createFile(file);
    assertThatThrownBy(() -> new JdbcSessionStore(DataLocation.h2File(dir.resolve("sessions")), CLOCK))
        .isInstanceOf(SessionStoreException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("empty (0 bytes)")
        .hasMessageContaining("Move it aside").hasMessageContaining("not changed");
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void a_foreign_file_is_reported_and_left_untouched() throws Exception {
    Path file = dir.resolve("sessions.mv.db");
    byte[] foreign = "PK\u0003\u0004 this is a zip file, not a session store".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(file, foreign);
    assertThatThrownBy(() -> new JdbcSessionStore(DataLocation.h2File(dir.resolve("sessions")), CLOCK))
        .isInstanceOf(SessionStoreException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a session store")
        .hasMessageContaining("move it aside");
    assertThat(Files.readAllBytes(file)).isEqualTo(foreign);
  }

  @Test
  void a_truncated_store_is_reported_with_what_to_do_and_left_untouched() throws Exception {
    String url = DataLocation.h2File(dir.resolve("sessions"));
    try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK)) {
      for (int i = 0; i < 20; i++) {
        store.save(States.at("s" + i, null, i));
      }
    }
    Path file = dir.resolve("sessions.mv.db");
    byte[] whole = Files.readAllBytes(file);
    byte[] cut = java.util.Arrays.copyOf(whole, 600);
    Files.write(file, cut);
    assertThatThrownBy(() -> {
      try (JdbcSessionStore store = new JdbcSessionStore(url, CLOCK)) {
        store.list(10);
      }
    }).isInstanceOf(SessionStoreException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("damaged or cut short").hasMessageContaining("Move it aside")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("[90"));
    assertThat(Files.readAllBytes(file)).isEqualTo(cut);
  }

  @Test
  void a_password_in_the_url_is_never_echoed() {
    for (String url : new String[] {
        "jdbc:postgresql://lbt:" + PASSWORD + "@127.0.0.1:1/sessions",
        "jdbc:h2:mem:x;USER=sa;PASSWORD=" + PASSWORD + ";NO_SUCH_SETTING=1",
        "jdbc:h2:mem:y;password=" + PASSWORD + ";IFEXISTS=TRUE",
        "jdbc:nosuchdriver:x?user=a&password=" + PASSWORD}) {
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> new JdbcSessionStore(url, CLOCK).close());
      assertThat(e).as(url).isInstanceOf(SessionStoreException.class);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).as(url).doesNotContain(PASSWORD).doesNotContain("Hunter2");
    }
  }
}
