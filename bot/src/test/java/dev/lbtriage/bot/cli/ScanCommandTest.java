package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.azure.AzureReadOptions;
import dev.lbtriage.engine.gather.graph.GeneratedFleet;
import dev.lbtriage.engine.gather.graph.StubGraphAccess;
import dev.lbtriage.engine.gather.graph.StubResourceGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lb-triage scan}: saved Resource Graph results and the stub Resource Graph over HTTPS, every output format, exit codes, one-line errors. */
class ScanCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int LBS = 40;
  static GeneratedFleet fleet;
  static StubResourceGraph stub;
  @TempDir static Path dir;
  static Path results;

  @BeforeAll
  static void setUp() throws Exception {
    fleet = GeneratedFleet.generate(GeneratedFleet.examples(), LBS, 3);
    results = dir.resolve("graph");
    Files.createDirectories(results.resolve("network"));
    List<ObjectNode> rows = fleet.rows();
    int half = rows.size() / 2;
    // page 1 as the response body, page 2 inside a REST example's responses.200.body, plus a file that is neither
    Files.writeString(results.resolve("network/page-1.json"), GeneratedFleet.response(rows.subList(0, half)).toString());
    ObjectNode example = JSON.createObjectNode();
    example.putObject("parameters").put("api-version", "2022-10-01");
    example.putObject("responses").putObject("200").set("body", GeneratedFleet.response(rows.subList(half, rows.size())));
    Files.writeString(results.resolve("network/page-2.json"), example.toString());
    Files.writeString(results.resolve("notes.json"), "{\"hello\": \"not a response\"}");
    stub = new StubResourceGraph(rows);
    AzureTestHooks.use(StubGraphAccess.credential(), AzureReadOptions.defaults().withHttpClient(StubGraphAccess.httpClient()));
    ScanCommand.waiter = d -> stub.windowPassed();
  }

  @AfterAll
  static void tearDown() {
    AzureTestHooks.reset();
    ScanCommand.waiter = d -> Thread.sleep(d.toMillis());
    stub.close();
  }

  static String[] live(String... args) {
    List<String> all = new ArrayList<>(List.of("scan"));
    all.addAll(List.of(args));
    all.addAll(List.of("--arm-endpoint", stub.endpoint(), "--authority-host", "https://login.invalid/"));
    return all.toArray(String[]::new);
  }

  @Test
  void help_names_the_options() {
    Cli.Result r = run("scan", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--subscription", "--management-group", "--snapshot", "table (default), json, sarif", "Exit codes");
  }

  @Test
  void saved_results_as_json_exit_1_with_every_load_balancer_and_the_bad_file_named() {
    Cli.Result r = run("scan", "--snapshot", results.toString(), "-o", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode j = r.json();
    assertThat(j.path("loadBalancers").asInt()).isEqualTo(LBS);
    assertThat(j.path("exitCode").asInt()).isEqualTo(1);
    assertThat(j.path("findings").size()).isGreaterThan(LBS);
    JsonNode first = j.path("findings").get(0);
    for (String field : List.of("subscription", "resourceGroup", "loadBalancer", "loadBalancerId", "cause", "title", "status", "subject",
        "evidence", "fix", "source", "rule")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(j.path("subscriptions").size()).isEqualTo(3);
    assertThat(j.path("problems").toString()).contains("notes.json", "not a Resource Graph response");
  }

  @Test
  void a_fix_comes_whole_as_text_and_its_commands_as_structure() {
    JsonNode findings = run("scan", "--snapshot", results.toString(), "-o", "json").json().path("findings");
    List<JsonNode> withCommands = new java.util.ArrayList<>();
    for (JsonNode f : findings) {
      assertThat(f.path("fixCommands").isArray()).as(f.path("cause").asText()).isTrue();
      for (JsonNode c : f.path("fixCommands")) {
        assertThat(c.path("command").asText()).startsWith("az ");
        assertThat(c.path("fix").asBoolean()).isTrue();
        // the text a person reads holds each command under its description, nothing run together
        assertThat(f.path("fix").asText()).contains("# " + c.path("description").asText() + "\n" + c.path("command").asText());
      }
      if (!f.path("fixCommands").isEmpty()) {
        withCommands.add(f);
      }
    }
    assertThat(withCommands).as("some finding's fix is commands").isNotEmpty();
  }

  @Test
  void csv_has_a_header_and_one_record_per_finding() {
    Cli.Result json = run("scan", "--snapshot", results.toString(), "-o", "json");
    Cli.Result r = run("scan", "--snapshot", results.toString(), "-o", "csv");
    assertThat(r.exit()).isEqualTo(1);
    List<List<String>> records = parseCsv(r.out());
    assertThat(String.join(",", records.get(0))).isEqualTo(ScanOutput.CSV_HEADER);
    assertThat(records).hasSize(json.json().path("findings").size() + 1);
    assertThat(records.subList(1, records.size())).allMatch(rec -> rec.size() == records.get(0).size());
    assertThat(r.err()).contains("problems reading the input");
  }

  @Test
  void sarif_is_2_1_0_with_a_result_per_finding_and_levels_by_status() {
    Cli.Result json = run("scan", "--snapshot", results.toString(), "-o", "json");
    Cli.Result r = run("scan", "--snapshot", results.toString(), "-o", "sarif");
    JsonNode s = r.json();
    assertThat(s.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = s.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("lb-triage");
    assertThat(run.path("results").size()).isEqualTo(json.json().path("findings").size());
    for (JsonNode res : run.path("results")) {
      String status = res.path("properties").path("status").asText();
      assertThat(res.path("level").asText()).isEqualTo(switch (status) {
        case "confirmed" -> "error";
        case "suspected" -> "warning";
        default -> "note";
      });
      assertThat(run.path("tool").path("driver").path("rules").get(res.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(res.path("ruleId").asText());
      assertThat(res.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText())
          .startsWith("/subscriptions/");
    }
  }

  @Test
  void table_has_a_row_per_finding_and_a_summary_per_subscription() {
    Cli.Result r = run("scan", "--snapshot", results.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("LOAD BALANCER", "CAUSE", "STATUS", "EVIDENCE", "FIX", "SUBSCRIPTION", "WITH CONFIRMED",
        "vm-unhealthy", "probe-port-blocked", "basic-sku-retired");
    assertThat(r.out()).contains(GeneratedFleet.subscription(0), GeneratedFleet.subscription(2));
  }

  @Test
  void no_load_balancer_no_confirmed_finding_exit_0() throws Exception {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Files.writeString(empty.resolve("page.json"), GeneratedFleet.response(List.of()).toString());
    Cli.Result r = run("scan", "--snapshot", empty.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No finding in 0 load balancers");
  }

  @Test
  void live_through_the_stub_reports_progress_on_stderr_and_json_on_stdout() {
    Cli.Result r = run(live("--subscription", GeneratedFleet.subscription(1), "-o", "json"));
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.json().path("scope").asText()).isEqualTo("subscription " + GeneratedFleet.subscription(1));
    long mine = fleet.placed().stream().filter(p -> p.subscription().equals(GeneratedFleet.subscription(1))).count();
    assertThat(r.json().path("loadBalancers").asInt()).isEqualTo((int) mine);
    assertThat(r.err()).contains("lb-triage scan: query network, page 1: ").contains("lb-triage scan: query compute, page 1: ");
  }

  @Test
  void forbidden_throttled_and_failing_are_one_line_each() {
    stub.failNext(403);
    Cli.Result forbidden = run(live("--management-group", "contoso-prod"));
    assertThat(forbidden.exit()).isEqualTo(1);
    assertThat(forbidden.err().strip()).startsWith("lb-triage scan: cannot scan: Resource Graph answered 403 AuthorizationFailed")
        .doesNotContain("\n").doesNotContain("Exception");
    stub.failNext(429, 429, 429, 429);
    Cli.Result throttled = run(live());
    assertThat(throttled.err().strip()).startsWith("lb-triage scan: cannot scan: Resource Graph answered 429 RateLimiting")
        .doesNotContain("\n");
    stub.failNext(500, 500, 500, 500);
    Cli.Result failing = run(live());
    assertThat(failing.err().strip()).startsWith("lb-triage scan: cannot scan: Resource Graph answered 500 InternalServerError")
        .doesNotContain("\n");
    assertThat(List.of(throttled.exit(), failing.exit())).containsOnly(1);
  }

  @Test
  void bad_input_is_one_line_and_exit_2() {
    for (String[] args : List.of(new String[] {"scan", "--subscription", "prod"},
        new String[] {"scan", "--snapshot", results.toString(), "--subscription", GeneratedFleet.subscription(0)},
        new String[] {"scan", "--snapshot", dir.resolve("nope").toString()},
        new String[] {"scan", "--subscription", GeneratedFleet.subscription(0), "--management-group", "mg"},
        new String[] {"scan", "-o", "xml"})) {
      Cli.Result r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(Cli.lines(r.err())).as(r.err()).isLessThanOrEqualTo(2);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  /** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        rec.add(cell.toString());
        cell.setLength(0);
        records.add(rec);
        rec = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return records;
  }
}
