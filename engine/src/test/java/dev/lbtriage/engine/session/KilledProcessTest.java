package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL (no shutdown hook, no close) loses no turn it saved. */
class KilledProcessTest {
  static final int TURNS = 5;
  @TempDir Path dir;

  @Test
  void every_turn_a_killed_process_saved_is_there_when_the_store_is_opened_again() throws Exception {
    killAfterSaving(DataLocation.h2File(dir.resolve("sessions")));
  }

  @Test
  void a_url_given_without_write_delay_is_made_durable_by_the_store_too() throws Exception {
    killAfterSaving("jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  private void killAfterSaving(String url) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        SaveThenWait.class.getName(), url, String.valueOf(TURNS))).redirectErrorStream(true).start();
    String lastLine = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lastLine = line;
        if (line.equals("saved " + TURNS)) {
          child.destroyForcibly();
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lastLine).isEqualTo("saved " + TURNS);
    assertThat(child.exitValue()).isEqualTo(137);

    try (JdbcSessionStore store = new JdbcSessionStore(url, Clock.fixed(States.T0, ZoneOffset.UTC))) {
      assertThat(store.load("killed")).contains(States.at("killed", "k", TURNS));
    }
  }
}
