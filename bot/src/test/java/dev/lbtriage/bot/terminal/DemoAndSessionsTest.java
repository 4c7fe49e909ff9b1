package dev.lbtriage.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.session.DataLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code demo} and {@code sessions}, in process (the commands' own CommandLine) and as a child process. */
class DemoAndSessionsTest {
  private static final dev.lbtriage.kb.model.KnowledgeBase KB = dev.lbtriage.kb.load.KnowledgeBaseLoader.loadBundled();
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  @Test
  void demoAutoIsACompleteTranscript() {
    Result r = run("demo", "--auto", "--db", db());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("you> lb-web stopped serving about 20 minutes after a security hardening change went out.")
        .contains("Confirmed: A guest firewall or a network security group blocks the probe.")
        .contains("denied by nsg-web/DenyAll@100")
        .contains("az network nsg rule create --resource-group rg-web --nsg-name nsg-web")
        .contains("[details/why/support/restart/quit]")
        .contains("Demo finished. Session t-")
        .doesNotContain("\u001b[");
    assertThat(r.err()).isEmpty();
  }

  /** The example's facts, except that reading them fails the way a bug in a reader would (not bad input: that is said). */
  static final class FailingRead implements dev.lbtriage.engine.gather.FactSource {
    final dev.lbtriage.engine.gather.snapshot.SnapshotReader reader;
    int reads;

    FailingRead(Path folder) {
      reader = new dev.lbtriage.engine.gather.snapshot.SnapshotReader(folder);
    }

    @Override
    public java.util.List<dev.lbtriage.engine.gather.LoadBalancerSummary> loadBalancers() {
      return reader.loadBalancers();
    }

    @Override
    public dev.lbtriage.rules.facts.AzureFacts gather(String lb, dev.lbtriage.engine.gather.Progress progress) {
      reads++;
      throw new IllegalStateException("the reader broke");
    }

    @Override
    public String describe() {
      return reader.describe();
    }
  }

  /**
   * {@code demo --auto} stops at a turn that failed: the error is shown once, nothing is typed after it, stderr says
   * why the demo stopped in one line, and the exit code is 1. The read breaks in the report's turn (the default
   * example reads its facts there) or in the first answer the demo types (vmss-probe-locks-port reads them once its
   * symptom is picked).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"nsg-deny-all-nic, 1", "vmss-probe-locks-port, 2"})
  void demoAutoStopsAtAFailedTurnSayingWhyInOneLine(String scenario, int failingTurn) {
    java.util.List<FailingRead> sources = new java.util.ArrayList<>();
    java.util.function.Function<Path, dev.lbtriage.engine.conversation.ConversationEngine> real = DemoCommand.engineOver;
    DemoCommand.engineOver = folder -> {
      FailingRead source = new FailingRead(folder);
      sources.add(source);
      return dev.lbtriage.bot.app.Engines.over(source);
    };
    Result r;
    try {
      r = run("demo", "--auto", "--scenario", scenario, "--db", db());
    } finally {
      DemoCommand.engineOver = real;
    }
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).reads).as("facts read").isEqualTo(1);
    String out = r.out();
    int said = out.indexOf("Something went wrong on my side (IllegalStateException: the reader broke)");
    assertThat(said).as(out).isPositive();
    assertThat(out.substring(0, said).split("you> ", -1)).as("lines typed before the error").hasSize(failingTurn + 1);
    assertThat(out.indexOf("Something went wrong", said + 1)).as(out).isNegative();
    assertThat(out.substring(said)).doesNotContain("you> ").doesNotContain("Demo finished").doesNotContain("== Conclusion");
    assertThat(r.err().strip()).doesNotContain("\n")
        .isEqualTo("lb-triage demo: stopped at the turn that failed (the error is above); typing the example's answers on would"
            + " only repeat it.");
  }

  static Iterable<String> scenarios() {
    return BundledExamples.list().stream().map(Scenario::name).toList();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyBundledScenarioPlaysToItsConclusion(String name) {
    Scenario sc = BundledExamples.find(name).orElseThrow();
    Result r = run("demo", "--auto", "--scenario", name, "--db", db());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("== Conclusion:");
    // The first screen names the confirmed causes (the other causes come on "details").
    String out = r.out().replaceAll("\\s+", " ");
    for (Scenario.Expectation e : sc.expect()) {
      String title = KB.symptom(sc.symptom()).orElseThrow().causes().stream().filter(c -> c.id().equals(e.cause()))
          .findFirst().orElseThrow().title();
      if (e.status().equals("confirmed")) {
        assertThat(out).contains("Confirmed: " + title);
      } else {
        assertThat(out).doesNotContain("Confirmed: " + title);
      }
    }
  }

  @Test
  void demoListsTheExamplesAndRefusesAnUnknownOne() {
    assertThat(run("demo", "--list").out()).contains("nsg-deny-all-nic", "vmss-probe-locks-port", "probe-down");
    Result bad = run("demo", "--scenario", "nope", "--auto", "--db", db());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).startsWith("lb-triage demo: there is no example \"nope\"; the examples: healthy,")
        .doesNotContain("\n");
  }

  @Test
  void demoListHonoursTheOutputFormat() throws Exception {
    Result json = run("demo", "--list", "-o", "json");
    assertThat(json.exit()).isZero();
    com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertThat(list.isArray()).isTrue();
    assertThat(list).anySatisfy(n -> {
      assertThat(n.path("name").asText()).isEqualTo("nsg-deny-all-nic");
      assertThat(n.path("symptom").asText()).isEqualTo("probe-down");
      assertThat(n.path("title").asText()).isNotBlank();
    });
    String table = run("demo", "--list", "-o", "table").out();
    assertThat(table.lines().findFirst().orElseThrow()).containsIgnoringCase("name").containsIgnoringCase("symptom");
    assertThat(table).contains("vmss-probe-locks-port");
    Result misplaced = run("demo", "-o", "json", "--auto", "--db", db());
    assertThat(misplaced.exit()).isEqualTo(2);
    assertThat(misplaced.err()).contains("applies to demo --list only");
  }

  @Test
  void demoWithEmptyStdinEndsAtTheFirstQuestionWithAHint() throws Exception {
    try (Child demo = Child.start(tmp, "demo", "--scenario", "probe-zero-vm-not-responding", "--db", db())) {
      demo.endInput();
      demo.await("Is the backend VM vm-shop-1 up");
      demo.await("go on with: lb-triage chat --resume t-");
      assertThat(demo.exit()).isZero();
    }
  }

  @Test
  void sessionsListsWhatWasSaved() throws Exception {
    assertThat(run("sessions", "--db", db()).out()).contains("No saved sessions.");
    run("demo", "--auto", "--db", db());
    try (Child demo = Child.start(tmp, "demo", "--scenario", "probe-zero-vm-not-responding", "--db", db())) {
      demo.endInput();
      assertThat(demo.exit()).isZero();
    }
    Result text = run("sessions", "--db", db());
    assertThat(text.out()).contains("ID", "STAGE", "LAST QUESTION", "asking", "vm-responds", "lb-shop", "concluded", "lb-web");
    JsonNode json = new ObjectMapper().readTree(run("sessions", "--db", db(), "--format", "json").out());
    assertThat(json).hasSize(2);
    assertThat(json.get(0).path("stage").asText()).isEqualTo("ASKING");
    assertThat(json.get(0).path("lastQuestion").asText()).isEqualTo("vm-responds");
    assertThat(json.get(0).path("loadBalancer").asText()).endsWith("/lb-shop");
    assertThat(json.get(1).path("symptom").asText()).isEqualTo("probe-down");
  }

  private String db() {
    return DataLocation.h2File(tmp.resolve("sessions"));
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = TestMain.cli();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
