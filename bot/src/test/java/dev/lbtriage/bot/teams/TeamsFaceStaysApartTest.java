package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No face imports another: the Teams sources name no Slack or terminal class. */
class TeamsFaceStaysApartTest {
  @Test
  void the_teams_package_uses_no_other_face() throws IOException {
    Path main = Path.of("src", "main", "java", "dev", "lbtriage", "bot", "teams");
    List<Path> sources;
    try (Stream<Path> s = Files.list(main)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).hasSizeGreaterThan(20);
    for (Path source : sources) {
      assertThat(Files.readString(source)).as(source.toString())
          .doesNotContain("dev.lbtriage.bot.slack").doesNotContain("dev.lbtriage.bot.terminal").doesNotContain("com.slack");
    }
  }
}
