package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How suggested commands start: the launcher's word, the jar, or the name on PATH. */
class HintsTest {
  @Test
  void the_launcher_variable_wins_then_the_jar_then_the_name() {
    assertThat(Hints.command(Map.of("LB_TRIAGE_COMMAND", "./lb-triage"), Path.of("/x/lb-triage.jar"))).isEqualTo("./lb-triage");
    assertThat(Hints.command(Map.of("LB_TRIAGE_COMMAND", "/opt/my tools/lb-triage"), null)).isEqualTo("'/opt/my tools/lb-triage'");
    assertThat(Hints.command(Map.of(), Path.of("/x/lb-triage.jar"))).isEqualTo("java -jar /x/lb-triage.jar");
    assertThat(Hints.command(Map.of(), null)).isEqualTo("lb-triage");
  }
}
