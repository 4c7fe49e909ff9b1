package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static dev.lbtriage.bot.cli.Cli.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Cli.Result;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code diagnose --snapshot} on every example scenario, answers, and bad input. */
class DiagnoseCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String HEALTHY = EXAMPLES.resolve("healthy").toString();

  static Stream<Scenario> examples() {
    List<Scenario> all = ScenarioReader.readAll(EXAMPLES);
    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
    return all.stream();
  }

  static String[] args(Scenario s, String... extra) {
    List<String> a = new ArrayList<>(List.of("diagnose", "--snapshot", s.folder().toString(), "--lb", s.loadBalancer(),
        "--symptom", s.report()));
    s.answers().forEach((q, v) -> a.addAll(List.of("--answer", q + "=" + v)));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_report_as_symptom_diagnoses_each_example_as_its_scenario_expects(Scenario s) {
    Result r = run(args(s, "--format", "json"));

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode d = r.json();
    assertThat(d.path("symptom").path("id").asText()).as("the report matched").isEqualTo(s.symptom());
    for (Scenario.Expectation e : s.expect()) {
      JsonNode f = finding(d, e.cause());
      assertThat(f.path("status").asText()).as(e.cause()).isEqualTo(e.status());
      assertThat(f.path("evidence")).as(e.cause()).isNotEmpty();
    }
    for (JsonNode rem : d.path("remediation")) {
      // the contract: each command an object {description, command, fix}, the command bare and filled in
      assertThat(rem.path("commands")).allSatisfy(c -> {
        assertThat(c.path("description").asText()).isNotBlank();
        assertThat(c.path("command").asText()).startsWith("az ").doesNotContainPattern("\\{[A-Za-z][\\w-]*}");
        assertThat(c.path("fix").isBoolean()).isTrue();
      });
      assertThat(rem.has("fix")).as("no separate fix list: commands with fix true").isFalse();
    }
    if (s.expectNoConfirmed()) {
      assertThat(d.path("findings")).noneSatisfy(f -> assertThat(f.path("status").asText()).isEqualTo("confirmed"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void text_mode_names_the_confirmed_cause(Scenario s) {
    Result r = run(args(s));

    assertThat(r.exit()).as(r.err()).isZero();
    // one message of the message model, rendered by the terminal renderer: the conclusion, then the findings table
    String text = r.out().replaceAll("\\s+", " ");
    assertThat(r.out().strip()).startsWith("== Conclusion: ");
    assertThat(text).contains("Findings");
    s.expect().stream().filter(e -> e.status().equals("confirmed"))
        .forEach(e -> assertThat(text).containsPattern("CONFIRMED ((?!SUSPECTED|RULED-OUT|CONFIRMED).)*\\(" + e.cause() + "\\)"));
  }

  @Test
  void an_answer_changes_the_findings_where_no_fact_decides() {
    Result before = run("diagnose", "--snapshot", HEALTHY, "--symptom-id", "probe-down", "--format", "json");
    Result listeningNo = run("diagnose", "--snapshot", HEALTHY, "--symptom-id", "probe-down", "--format", "json",
        "--answer", "probe-port-listening=no");
    Result listeningYes = run("diagnose", "--snapshot", HEALTHY, "--symptom-id", "probe-down", "--format", "json",
        "--answer", "probe-port-listening=yes");

    assertThat(before.json().path("findings")).noneSatisfy(f -> assertThat(f.path("status").asText()).isEqualTo("confirmed"));
    assertThat(status(before.json(), "probe-port-not-listening")).isEqualTo("suspected");
    assertThat(status(listeningNo.json(), "probe-port-not-listening")).isEqualTo("confirmed");
    assertThat(status(listeningYes.json(), "probe-port-not-listening")).isEqualTo("ruled-out");
    assertThat(listeningNo.json().path("findings")).isNotEqualTo(listeningYes.json().path("findings"));
    assertThat(listeningNo.json().path("questions").toString()).doesNotContain("\"probe-port-listening\"");
  }

  @Test
  void symptom_and_symptom_id_together_are_bad_input() {
    Result r = run("diagnose", "--snapshot", HEALTHY, "--symptom", "probe down", "--symptom-id", "probe-down");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
  }

  @Test
  void an_unknown_symptom_id_exits_2_naming_the_known_ones() {
    Result r = run("diagnose", "--snapshot", HEALTHY, "--symptom-id", "disk-full");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("unknown --symptom-id 'disk-full'").contains("probe-down");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown question   | colour=blue                  | unknown question 'colour'",
      "no equals sign     | probe-port-listening         | is not QUESTION=VALUE",
      "empty question     | =yes                         | is not QUESTION=VALUE",
      "not yes or no      | probe-port-listening=perhaps | --answer probe-port-listening:",
      "not an IP address  | client-ip=10.0.0             | --answer client-ip:",
  })
  void a_bad_answer_exits_2_with_one_line(String name, String answer, String expected) {
    Result r = run("diagnose", "--snapshot", HEALTHY, "--symptom-id", "probe-down", "--answer", answer);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains(expected);
  }

  @Test
  void several_load_balancers_without_lb_exit_2_naming_them() {
    Result r = run("diagnose", "--snapshot", snapshot("broken"), "--symptom-id", "probe-down");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("several load balancers").contains("pick one with --lb").contains("lb-eighty");
  }

  @Test
  void neither_snapshot_nor_azure_is_bad_input() {
    Result r = run("diagnose", "--symptom-id", "probe-down");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--snapshot").contains("--azure");
  }

  static JsonNode finding(JsonNode d, String cause) {
    for (JsonNode f : d.path("findings")) {
      if (f.path("cause").asText().equals(cause)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + cause + " in " + d.path("findings"));
  }

  static String status(JsonNode d, String cause) {
    return finding(d, cause).path("status").asText();
  }
}
