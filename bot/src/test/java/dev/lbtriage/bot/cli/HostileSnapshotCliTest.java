package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code show} and {@code diagnose} over the real-payload example {@code examples/healthy} with one value Azure would
 * never accept (issue 19, defects 1 and 2): each command finishes, says what was left out and where, and never ends
 * in "unexpected failure" (before: a rule consequence threw, or {@code show} hit a NullPointerException).
 */
class HostileSnapshotCliTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "vnet-shop.json|\"172.18.0.0/28\"|\"999.1.1.1/40\"",
      "vnet-shop.json|\"172.18.0.0/28\"|\"abc\"",
      "nic-shop-1.json|\"172.18.0.5\"|\"\"",
      "lb.json|\"backendPort\": 80|\"backendPort\": 70000",
      "nsg-shop.json|\"priority\": 100|\"priority\": 4097",
      "nic-shop-1.json|\"properties\": {NL          \"provisioningState\"|\"notProperties\": {NL          \"provisioningState\""})
  void show_and_diagnose_finish_and_name_the_bad_value(String file, String from, String to) throws IOException {
    Path snapshot = copyOfHealthy();
    Path f = snapshot.resolve(file);
    String text = Files.readString(f);
    String fromJson = from.replace("NL", "\n");
    assertThat(text).contains(fromJson);
    Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(fromJson), java.util.regex.Matcher.quoteReplacement(to.replace("NL", "\n"))));

    Result show = run("show", "--snapshot", snapshot.toString());
    Result diagnose = run("diagnose", "--snapshot", snapshot.toString(), "--symptom", "health probes fail and the backend is unreachable");
    for (Result r : new Result[] {show, diagnose}) {
      assertThat(r.err()).doesNotContain("unexpected failure").doesNotContain("Exception");
      assertThat(r.exit()).isIn(0, 1, 2, 3);
      assertThat(r.out() + r.err()).contains(file);
    }
  }

  private Path copyOfHealthy() throws IOException {
    Path healthy = Path.of("..", "examples", "healthy");
    try (Stream<Path> files = Files.list(healthy)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName().toString()));
      }
    }
    return dir;
  }
}
