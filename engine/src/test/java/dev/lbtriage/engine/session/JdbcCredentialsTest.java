package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a database password comes from, and that it is never echoed. */
class JdbcCredentialsTest {
  static final String PASSWORD = "Tr1cky-p4ss";
  @TempDir Path dir;

  @Test
  void a_password_in_the_url_user_info_goes_to_the_driver_as_a_property_not_in_the_url() {
    var r = JdbcCredentials.resolve("jdbc:postgresql://bob:" + PASSWORD.replace("-", "%2D") + "@db.internal:5432/triage?sslmode=require", Map.of());
    assertThat(r.url()).isEqualTo("jdbc:postgresql://db.internal:5432/triage?sslmode=require");
    assertThat(r.properties()).containsEntry("user", "bob").containsEntry("password", PASSWORD);
  }

  @Test
  void the_environment_gives_user_and_password_when_the_url_has_none_and_never_overrides_the_url() {
    Map<String, String> env = Map.of(JdbcCredentials.ENV_USER, "alice", JdbcCredentials.ENV_PASSWORD, PASSWORD);
    var fromEnv = JdbcCredentials.resolve("jdbc:postgresql://db/triage", env);
    assertThat(fromEnv.properties()).containsEntry("user", "alice").containsEntry("password", PASSWORD);
    var fromUrl = JdbcCredentials.resolve("jdbc:postgresql://db/triage?user=bob&password=other", env);
    assertThat(fromUrl.properties()).isEmpty();
    assertThat(JdbcCredentials.resolve("jdbc:h2:mem:x", env).properties()).as("H2 takes none of them").isEmpty();
  }

  @Test
  void a_password_file_others_can_read_is_refused_and_an_owner_only_one_is_read() throws Exception {
    Path file = Files.writeString(dir.resolve("db-password"), PASSWORD + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, String> env = Map.of(JdbcCredentials.ENV_PASSWORD_FILE, file.toString());
    assertThatThrownBy(() -> JdbcCredentials.resolve("jdbc:postgresql://db/triage", env))
        .hasMessageContaining("can be read by others").hasMessageContaining("chmod 600 " + file).hasMessageNotContaining(PASSWORD);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(JdbcCredentials.resolve("jdbc:postgresql://db/triage", env).properties()).containsEntry("password", PASSWORD);
  }

  @Test
  void a_server_that_cannot_be_reached_is_reported_without_the_password_wherever_it_came_from() throws Exception {
    for (String url : new String[] {"jdbc:postgresql://bob:" + PASSWORD + "@127.0.0.1:1/triage?connectTimeout=2",
        "jdbc:postgresql://127.0.0.1:1/triage?user=bob&password=" + PASSWORD + "&connectTimeout=2"}) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new JdbcSessionStore(url, Clock.systemUTC(), Map.of()).close());
      assertThat(t).isInstanceOf(SessionStoreException.class).hasMessageContaining("cannot open the session store");
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(PASSWORD);
      }
    }
    Throwable fromEnv = org.assertj.core.api.Assertions.catchThrowable(() -> new JdbcSessionStore("jdbc:postgresql://127.0.0.1:1/triage?connectTimeout=2",
        Clock.systemUTC(), Map.of(JdbcCredentials.ENV_PASSWORD, PASSWORD)).close());
    assertThat(fromEnv).isInstanceOf(SessionStoreException.class);
    assertThat(fromEnv.getMessage()).doesNotContain(PASSWORD);
  }
}
