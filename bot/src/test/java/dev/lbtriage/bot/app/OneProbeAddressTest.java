package dev.lbtriage.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The health probe's source address is written once, as {@code ServiceTags.AZURE_LOAD_BALANCER_IP}:
 * no string literal in the main code of any module holds it. Left alone: comments, and the words of
 * text analysis (the matcher's analyzers and the examples of reports people type), where it is a
 * word, not an address to use.
 */
class OneProbeAddressTest {
  private static final Pattern LITERAL = Pattern.compile("\"[^\"\\n]*168\\.63\\.129\\.16");
  private static final Set<String> TEXT = Set.of("kb/src/main/java/dev/lbtriage/kb/match/",
      "bot/src/main/java/dev/lbtriage/bot/cli/MatchCommand.java", "bench/src/main/java/dev/lbtriage/bench/MatchBenchmark.java");

  @Test
  void no_main_code_spells_the_probe_address_but_service_tags() throws IOException {
    List<String> found = new ArrayList<>();
    int scanned = 0;
    for (String module : List.of("kb", "rules", "engine", "bot", "bench")) {
      Path src = DependencyDirectionTest.ROOT.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String rel = DependencyDirectionTest.ROOT.relativize(f).toString().replace('\\', '/');
          scanned++;
          if (rel.endsWith("rules/network/ServiceTags.java") || TEXT.stream().anyMatch(rel::startsWith)) {
            continue;
          }
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).strip();
            if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
              continue;
            }
            if (LITERAL.matcher(code).find()) {
              found.add(rel + ":" + (i + 1) + ": " + code);
            }
          }
        }
      }
    }
    assertThat(scanned).isGreaterThan(100);
    assertThat(found).isEmpty();
  }
}
