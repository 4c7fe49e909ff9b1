package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lbtriage.bot.cli.Cli.Result;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line as az and kubectl users expect it, and its error texts, through {@link Main}. */
class ConventionsCliTest {
  private static final String EXAMPLE = Path.of("..", "examples", "nsg-deny-all-nic").toString();

  @TempDir Path tmp;

  // ---- -o/--output ---------------------------------------------------------------------------

  static String[][] commands() {
    return new String[][] {
      {"match", "backends unhealthy in the health probe status"},
      {"diagnose", "--snapshot", EXAMPLE, "--symptom-id", "probe-down"},
      {"show", "--snapshot", EXAMPLE},
      {"flow", "--snapshot", EXAMPLE, "--to", "10.0.0.4", "--port", "80"},
    };
  }

  @Test
  void every_data_command_prints_json_yaml_table_and_tsv() throws Exception {
    for (String[] c : commands()) {
      Result json = run(with(c, "-o", "json"));
      Result alias = run(with(c, "--format", "json"));
      Result yaml = run(with(c, "--output", "yaml"));
      Result table = run(with(c, "-o", "table"));
      Result tsv = run(with(c, "-o", "tsv"));
      String what = String.join(" ", c);

      assertThat(json.exit()).as(what + json.err()).isZero();
      assertThat(alias.json()).as(what).isEqualTo(json.json());
      JsonNode fromYaml = new YAMLMapper().readTree(yaml.out());
      assertThat(normalize(fromYaml)).as(what).isEqualTo(normalize(json.json()));
      List<String> tableLines = table.out().lines().toList();
      assertThat(tableLines.size()).as(what + "\n" + table.out()).isGreaterThan(1);
      assertThat(tableLines.get(0)).as(what).isEqualTo(tableLines.get(0).toUpperCase(java.util.Locale.ROOT));
      List<String> tsvLines = tsv.out().lines().toList();
      int columns = tsvLines.get(0).split("\t", -1).length;
      assertThat(columns).as(what).isGreaterThan(1);
      assertThat(tsvLines).as(what).allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(columns));
      assertThat(tsvLines.size()).as(what).isEqualTo(tableLines.size());
    }
  }

  /** YAML keeps numbers-looking strings as strings; compare the trees as text values. */
  private static JsonNode normalize(JsonNode n) {
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
        new com.fasterxml.jackson.databind.ObjectMapper().convertValue(n, Object.class));
  }

  @Test
  void diagnose_table_is_one_row_per_cause_to_paste() {
    Result r = run("diagnose", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "-o", "table");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("SYMPTOM     LOAD BALANCER  STATUS     CAUSE")
        .containsPattern("probe-down +lb-web +confirmed +probe-port-blocked +backend 10.0.0.4 .*probe tcpProbe1: .*DENY");
    assertThat(r.out().lines().count()).isEqualTo(5);
  }

  @Test
  void an_unknown_output_format_names_the_ones_there_are() {
    Result r = run("match", "x", "-o", "xml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("expected one of [text, json, table, tsv, yaml]").contains("'xml'");
  }

  // ---- text arguments ----------------------------------------------------------------------

  @Test
  void text_starting_with_a_dash_or_an_at_sign_is_text() throws Exception {
    Path file = Files.writeString(tmp.resolve("args"), "--format json\n");
    Result dash = run("match", "-5 VMs are down behind the load balancer, health probe failing");
    Result afterDashes = run("match", "--", "-5 VMs are down behind the load balancer, health probe failing");
    Result at = run("match", "@" + file);
    Result symptom = run("diagnose", "--snapshot", EXAMPLE, "--symptom", "-5 VMs are down, health probe failing", "-o", "json");

    assertThat(dash.exit()).as(dash.err()).isZero();
    assertThat(dash.out()).contains("probe-down");
    assertThat(afterDashes.out()).isEqualTo(dash.out());
    assertThat(at.exit()).isZero();
    assertThat(at.out()).as("the file is not read as arguments").doesNotStartWith("{");
    assertThat(symptom.exit()).as(symptom.err()).isZero();
    assertThat(symptom.json().path("symptom").path("id").asText()).isEqualTo("probe-down");
  }

  // ---- diagnose --lb RG/NAME and -g on a snapshot ----------------------------------------------

  @Test
  void lb_as_resource_group_slash_name_and_the_resource_group_filter_on_a_snapshot() {
    Result ok = run("diagnose", "--snapshot", EXAMPLE, "--lb", "rg-web/lb-web", "--symptom-id", "probe-down", "-o", "json");
    Result wrongGroup = run("diagnose", "--snapshot", EXAMPLE, "-g", "wrong-rg", "--symptom-id", "probe-down");
    Result wrongSlash = run("diagnose", "--snapshot", EXAMPLE, "--lb", "wrong-rg/lb-web", "--symptom-id", "probe-down");

    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.json().path("loadBalancer").asText()).endsWith("/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb-web");
    assertThat(wrongGroup.exit()).isEqualTo(2);
    assertThat(wrongGroup.out()).isEmpty();
    assertThat(wrongGroup.err()).contains("no load balancer in snapshot folder").contains("resource group wrong-rg");
    assertThat(wrongSlash.exit()).isEqualTo(2);
    assertThat(wrongSlash.out()).isEmpty();
    assertThat(wrongSlash.err()).contains("no load balancer lb-web in resource group wrong-rg").contains("it has: rg-web/lb-web");
  }

  // ---- an unparseable lb.json ----------------------------------------------------------------

  @Test
  void an_unparseable_lb_json_is_named_with_the_problem_by_diagnose_and_chat() throws Exception {
    Path bad = Files.createDirectories(tmp.resolve("bad"));
    try (var files = Files.list(Path.of(EXAMPLE))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Files.copy(f, bad.resolve(f.getFileName().toString()));
      }
    }
    Files.writeString(bad.resolve("lb.json"), "{\"name\": \"lb-web\", broken");

    Result diagnose = run("diagnose", "--snapshot", bad.toString(), "--symptom-id", "probe-down");
    Result chat = run("chat", "--snapshot", bad.toString(), "--db", tmp.resolve("s").toString());

    assertThat(diagnose.exit()).isEqualTo(2);
    assertThat(lines(diagnose.err())).isEqualTo(1);
    assertThat(diagnose.err()).startsWith("lb-triage diagnose: no load balancer could be read from snapshot folder " + bad)
        .contains("lb.json $: not valid JSON: Unexpected character");
    assertThat(chat.exit()).isEqualTo(2);
    assertThat(lines(chat.err())).isEqualTo(1);
    assertThat(chat.err()).startsWith("lb-triage chat: nothing to triage: no load balancer could be read from")
        .contains("lb.json $: not valid JSON");
    assertThat(chat.out()).doesNotContain("Which load balancer");
  }

  // ---- check ---------------------------------------------------------------------------------

  @Test
  void check_takes_host_port_host_space_port_and_an_http_url() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread accept = new Thread(() -> {
        while (!listening.isClosed()) {
          try {
            listening.accept().close();
          } catch (Exception e) {
            return;
          }
        }
      });
      accept.setDaemon(true);
      accept.start();
      String port = String.valueOf(listening.getLocalPort());
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/health", ex -> {
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/health") ? 200 : 404, ok.length);
        ex.getResponseBody().write(ok);
        ex.close();
      });
      http.start();
      try {
        Result tcping = run("check", "127.0.0.1", port, "--count", "1", "-o", "json");
        Result psping = run("check", "127.0.0.1:" + port, "--count", "1", "-o", "json");
        Result url = run("check", "http://127.0.0.1:" + http.getAddress().getPort() + "/health", "--count", "1", "-o", "json");

        for (Result r : List.of(tcping, psping)) {
          assertThat(r.exit()).as(r.err()).isZero();
          assertThat(r.json().path("kind").asText()).isEqualTo("TCP connect");
          assertThat(r.json().path("target").asText()).isEqualTo("127.0.0.1:" + port);
        }
        assertThat(url.exit()).as(url.err()).isZero();
        assertThat(url.json().path("kind").asText()).isEqualTo("HTTP GET");
        assertThat(url.json().path("target").asText()).isEqualTo("http://127.0.0.1:" + http.getAddress().getPort() + "/health");
        assertThat(url.json().path("received").asInt()).isEqualTo(1);
      } finally {
        http.stop(0);
      }
    }
    Result https = run("check", "https://10.0.0.4/health");
    Result both = run("check", "http://10.0.0.4/health", "--http", "/x");
    assertThat(https.exit()).isEqualTo(2);
    assertThat(https.err()).contains("only http:// URLs are checked").contains("10.0.0.4:443");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("give either a URL or --http PATH, not both");
  }

  // ---- completion, help, --debug ---------------------------------------------------------------

  @Test
  void completion_prints_a_bash_or_zsh_script_for_every_command() {
    Result bash = run("completion", "bash");
    Result zsh = run("completion", "zsh");
    Result fish = run("completion", "fish");

    assertThat(bash.exit()).isZero();
    assertThat(bash.out()).contains("complete -F").contains("diagnose").contains("sessions").contains("--resource-group")
        .contains("--output");
    assertThat(zsh.out()).startsWith("#compdef lb-triage").contains("bashcompinit").contains("complete -F");
    assertThat(fish.exit()).isEqualTo(2);
    assertThat(fish.err()).contains("expected one of [bash, zsh]");
  }

  @Test
  void every_command_says_what_it_is_for_in_one_sentence_and_help_fits_80_columns() {
    CommandLine cli = Main.newCommandLine();
    for (var e : cli.getSubcommands().entrySet()) {
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      String[] header = e.getValue().getCommandSpec().usageMessage().header();
      String purpose = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      assertThat(purpose).as(e.getKey()).matches("[A-Z].*\\.").hasSizeLessThanOrEqualTo(100);
      Result help = run(e.getKey(), "--help");
      assertThat(help.exit()).as(e.getKey()).isZero();
      assertThat(help.out().lines()).as(e.getKey()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(120));
    }
    // the list of commands shows each one's whole purpose sentence, not a fragment cut at an array's line break
    String root = run("--help").out().replaceAll("\\s+", " ");
    for (var e : cli.getSubcommands().entrySet()) {
      String[] d = e.getValue().getCommandSpec().usageMessage().description();
      String[] h = e.getValue().getCommandSpec().usageMessage().header();
      assertThat(root).as(e.getKey()).contains(e.getKey() + " " + (h.length > 0 ? h[0] : d[0]));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--debug", "--verbose", "--no-color"})
  void the_global_flags_are_accepted_before_and_after_the_command(String flag) {
    assertThat(run(flag, "match", "probe down").exit()).isZero();
    assertThat(run("match", flag, "probe down").exit()).isZero();
  }

  @Test
  void debug_shows_logs_on_stderr_in_a_real_process_and_the_default_keeps_them_off_screen() throws Exception {
    var env = CliProcess.freshHome(tmp);
    CliProcess.Result debug = CliProcess.run(tmp, env, "--debug", "diagnose", "--snapshot", Path.of(EXAMPLE).toAbsolutePath().toString(),
        "--symptom-id", "probe-down", "-o", "json");
    CliProcess.Result quiet = CliProcess.run(tmp, env, "diagnose", "--snapshot", Path.of(EXAMPLE).toAbsolutePath().toString(),
        "--symptom-id", "probe-down", "-o", "json");

    assertThat(debug.exit()).isZero();
    assertThat(debug.err()).contains(" DEBUG ");
    assertThat(quiet.err()).doesNotContain(" DEBUG ").doesNotContain(" INFO ");
    assertThat(quiet.out()).isEqualTo(debug.out());
  }

  @Test
  void on_a_terminal_no_color_and_NO_COLOR_turn_the_colours_off() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) for a pseudo-terminal");
    Pattern colour = Pattern.compile("\u001b\\[[0-9;]+m");
    assertThat(colour.matcher(onTerminal(Map.of(), "demo", "--auto")).find()).as("colours on a terminal").isTrue();
    assertThat(colour.matcher(onTerminal(Map.of(), "--no-color", "demo", "--auto")).find()).isFalse();
    assertThat(colour.matcher(onTerminal(Map.of(), "demo", "--auto", "--no-color")).find()).isFalse();
    assertThat(colour.matcher(onTerminal(Map.of("NO_COLOR", "1"), "demo", "--auto")).find()).isFalse();
  }

  /** The output of the real command line run on a pseudo-terminal (script(1)), as a person sees it. */
  private String onTerminal(Map<String, String> extraEnv, String... args) throws Exception {
    StringBuilder line = new StringBuilder("exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
        + System.getProperty("java.class.path") + "' " + Main.class.getName());
    for (String a : args) {
      line.append(" '").append(a).append("'");
    }
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", line.toString(), "/dev/null").directory(tmp.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true);
    pb.environment().putAll(CliProcess.freshHome(tmp));
    pb.environment().remove("NO_COLOR");
    pb.environment().put("TERM", "xterm");
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(CliProcess.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("the demo ran").contains("Demo finished");
    return out;
  }

  // ---- Slack out of reach --------------------------------------------------------------------

  @Test
  void slack_out_of_reach_is_a_network_problem_not_an_invalid_token() throws Exception {
    var env = CliProcess.freshHome(tmp);
    env.put("SLACK_BOT_TOKEN", "xoxb-1-2-abc");
    env.put("SLACK_APP_TOKEN", "xapp-1-abc");
    env.put("SLACK_API_URL", "https://no-such-host.invalid/api/");
    CliProcess.Result dns = CliProcess.run(tmp, env, "slack");
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      env.put("SLACK_API_URL", "https://127.0.0.1:" + closed.getLocalPort() + "/api/");
    }
    CliProcess.Result refused = CliProcess.run(tmp, env, "slack");

    assertThat(dns.exit()).isEqualTo(1);
    assertThat(dns.errLines()).as(dns.err()).singleElement().asString()
        .startsWith("lb-triage slack: cannot reach Slack at https://no-such-host.invalid/api/: the host name does not resolve")
        .contains("a network problem (DNS, proxy or firewall), not the token").doesNotContain("token is invalid");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.errLines()).as(refused.err()).singleElement().asString().contains("the connection was refused");
  }

  // ---- the chat's input ----------------------------------------------------------------------

  @Test
  void a_huge_or_binary_line_is_refused_without_being_echoed_in_full() throws Exception {
    String huge = "a".repeat(50_000);
    byte[] binary = new byte[3000];
    new java.util.Random(7).nextBytes(binary);
    for (int i = 0; i < binary.length; i++) {
      if (binary[i] == '\n' || binary[i] == '\r') {
        binary[i] = 1;
      }
    }
    byte[] input = (huge + "\n" + new String(binary, StandardCharsets.ISO_8859_1) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    CliProcess.Result r = CliProcess.run(tmp, CliProcess.freshHome(tmp), input, "chat", "--snapshot",
        Path.of(EXAMPLE).toAbsolutePath().toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("That line is 50000 characters long").contains("control or binary character")
        .contains("... (49800 more characters)").doesNotContain("a".repeat(201));
    assertThat(r.out().length()).isLessThan(20_000);
  }

  private static String[] with(String[] c, String... more) {
    String[] all = java.util.Arrays.copyOf(c, c.length + more.length);
    System.arraycopy(more, 0, all, c.length, more.length);
    return all;
  }

}
