package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.terminal.BundledExamples;
import dev.lbtriage.engine.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled example's {@code demo --auto} transcript and {@code diagnose} output (text and JSON)
 * as golden files under {@code bot/src/test/resources/golden/}: what an on-call engineer reads, to
 * review in one screen. Session ids and the examples' folder are normalised. Each output is also
 * scanned for holes ({@link Holes}).
 *
 * <p>After a deliberate change, regenerate them all with one command from the repository root, then
 * review the diff:
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl bot -am verify -Dtest='ExampleGoldenTest' -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
class ExampleGoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path tmp;

  static Stream<Arguments> outputs() {
    List<Arguments> all = new ArrayList<>();
    for (Scenario s : BundledExamples.list()) {
      all.add(Arguments.of(s.name(), "demo.txt"));
      all.add(Arguments.of(s.name(), "diagnose.txt"));
      all.add(Arguments.of(s.name(), "diagnose.json"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("outputs")
  void the_output_matches_its_golden_file(String example, String kind) throws IOException {
    Scenario s = BundledExamples.find(example).orElseThrow();
    Cli.Result r = switch (kind) {
      case "demo.txt" -> Cli.run("demo", "--auto", "--scenario", example, "--db", "jdbc:h2:mem:golden-" + example);
      case "diagnose.txt" -> Cli.run(diagnose(s, "text"));
      default -> Cli.run(diagnose(s, "json"));
    };
    assertThat(r.exit()).as(r.err()).isZero();
    String actual = normalise(r.out(), s);
    assertThat(Holes.in(actual)).as("holes in %s.%s", example, kind).isEmpty();
    Path file = GOLDEN.resolve(example + "." + kind);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("no golden file %s; regenerate with -Dgolden.update=true", file).exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    // compared with whitespace runs squashed: the terminal wraps at word boundaries, and where it wraps depends on
    // the length of the checkout's path (normalised to EXAMPLES above only after wrapping); every word and its
    // order must still match
    if (!squash(expected).equals(squash(actual))) {
      throw new AssertionError("output of " + example + " (" + kind + ") differs from " + file
          + "; if the change is deliberate, regenerate with -Dgolden.update=true (see ExampleGoldenTest) and review the diff.\n"
          + LineDiff.of(expected, actual));
    }
  }

  static String squash(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String[] diagnose(Scenario s, String format) {
    List<String> args = new ArrayList<>(List.of("diagnose", "--snapshot", s.folder().toString(), "--lb", s.loadBalancer(),
        "--symptom-id", s.symptom(), "--format", format));
    s.answers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> args.addAll(List.of("--answer", e.getKey() + "=" + e.getValue())));
    return args.toArray(String[]::new);
  }

  /** Session ids and the machine's path to the examples vary from run to run; nothing else does. */
  static String normalise(String out, Scenario s) {
    String folder = s.folder().toAbsolutePath().normalize().toString();
    String parent = s.folder().toAbsolutePath().normalize().getParent().toString();
    return out.replace("\r\n", "\n")
        .replace(folder, "EXAMPLES/" + s.name())
        .replace(parent, "EXAMPLES")
        .replaceAll("\\bt-[0-9a-f]{8}\\b", "t-SESSION");
  }
}
