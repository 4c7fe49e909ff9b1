package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Cli.Result;
import dev.lbtriage.engine.bundle.BundleChecks;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.RemediationTried;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.gather.azure.StubArmAccess;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lb-triage bundle} and {@code diagnose --bundle} end to end: the zip unpacks to a bundle
 * whose links resolve and whose snapshot replays through {@code diagnose --snapshot} to the same
 * findings; a saved conversation is bundled with who answered and when, and masked with --redact;
 * a live Azure read's token never reaches the zip; bad input is one line and exit 2.
 */
class BundleCommandTest {
  @TempDir Path tmp;

  private static final String EXAMPLE = Path.of("..", "examples", "nsg-deny-all-nic").toString();

  private Path unzip(Path zip) throws IOException {
    Path root = tmp.resolve("unzipped-" + zip.getFileName());
    for (Map.Entry<String, byte[]> e : BundleChecks.unzip(zip).entrySet()) {
      Path f = root.resolve(e.getKey()).normalize();
      assertThat(f.startsWith(root)).as(e.getKey()).isTrue();
      Files.createDirectories(f.getParent());
      Files.write(f, e.getValue());
    }
    return root.resolve(BundleCommandTestNames.top(zip));
  }

  @Test
  void the_bundle_replays_through_diagnose_to_the_same_findings() throws Exception {
    // given
    Path zip = tmp.resolve("case.zip");
    // when
    Result r = run("bundle", "--snapshot", EXAMPLE, "--symptom", "both backends show unhealthy in the health probe status",
        "--out", zip.toString(), "-o", "json");
    // then
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().path("failingHops").toString()).contains("probe:nic-nsg");
    Path folder = unzip(zip);
    assertThat(BundleChecks.unresolvedLinks(folder)).isEmpty();
    assertThat(Files.readString(folder.resolve("SUMMARY.md"))).contains("both backends show unhealthy in the health probe status");
    Result original = run("diagnose", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "-o", "json");
    Result replay = run("diagnose", "--snapshot", folder.resolve("snapshot").toString(), "--symptom-id", "probe-down", "-o", "json");
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.json().path("findings")).isNotEmpty().isEqualTo(original.json().path("findings"));
  }

  @Test
  void diagnose_bundle_writes_the_zip_and_keeps_stdout_one_json_document() throws Exception {
    Path zip = tmp.resolve("diag.zip");
    Result r = run("diagnose", "--snapshot", Path.of("..", "examples", "vm-deallocated").toString(), "--symptom-id", "probe-down",
        "--bundle", zip.toString(), "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().path("findings")).isNotEmpty();
    assertThat(r.err()).contains("support-case bundle written: " + zip);
    Path folder = unzip(zip);
    assertThat(BundleChecks.hops(BundleChecks.svg(Files.readAllBytes(folder.resolve("traffic-path.svg"))), "failing"))
        .contains("probe:vm");
  }

  @Test
  void a_saved_conversation_is_bundled_with_who_answered_and_when_and_masked_with_redact() throws Exception {
    // given: a conversation saved in a database of its own
    Path db = tmp.resolve("sessions");
    String url = "jdbc:h2:file:" + db.toAbsolutePath();
    String lbId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shop/providers/Microsoft.Network/loadBalancers/lb-shop";
    Instant at = Instant.parse("2026-11-25T10:20:00Z");
    String report = "Checkout on lb-shop fails for half the calls since 10:02, says carol from the payments team";
    ConversationState s = new ConversationState("sess-4711", "slack:C1:1.2", Stage.CONCLUDED, report, "probe-down", 0.74, List.of(),
        lbId, "snapshot folder x", List.of(new RecordedAnswer("vm-responds", "no", "carol.oncall", at)), null, 3,
        at.minusSeconds(600), at, List.of());
    try (JdbcSessionStore store = new JdbcSessionStore(url, Clock.systemUTC())) {
      store.save(s);
    }
    String example = Path.of("..", "examples", "probe-zero-vm-not-responding").toString();
    // when
    Result plain = run("bundle", "--snapshot", example, "--session", "sess-4711", "--db", url, "--out", tmp.resolve("s.zip").toString());
    Result red = run("bundle", "--snapshot", example, "--session", "sess-4711", "--db", url, "--out", tmp.resolve("r.zip").toString(),
        "--redact", "-o", "json");
    // then
    assertThat(plain.exit()).as(plain.err()).isZero();
    String summary = Files.readString(unzip(tmp.resolve("s.zip")).resolve("SUMMARY.md"));
    assertThat(summary).contains(report).contains("carol.oncall").contains("2026-11-25T10:20:00Z").contains("`vm-responds`")
        .contains("conversation `sess-4711`").containsPattern("\\*\\*confirmed\\*\\* \\| `vm-unhealthy`");
    assertThat(red.exit()).as(red.err()).isZero();
    JsonNode masked = red.json().path("masked");
    assertThat(masked.toString()).contains("user name", "free text", "subscription id");
    unzip(tmp.resolve("r.zip"));
    assertThat(BundleChecks.occurrences(tmp.resolve("unzipped-r.zip"), List.of("carol.oncall", report,
        "00000000-0000-0000-0000-000000000000"))).isEmpty();
    assertThat(BundleChecks.occurrences(tmp.resolve("r.zip").getParent(), List.of("carol.oncall")))
        .allMatch(w -> w.startsWith("unzipped-s.zip") || w.startsWith("s.zip") || w.startsWith("sessions"));
  }

  @Test
  void remediation_tried_in_the_session_and_with_tried_is_listed_with_who_and_when_and_masked_with_redact() throws Exception {
    // given: a saved conversation in which carol said what she already tried
    String url = "jdbc:h2:file:" + tmp.resolve("tried").toAbsolutePath();
    String lbId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shop/providers/Microsoft.Network/loadBalancers/lb-shop";
    Instant at = Instant.parse("2026-11-25T10:20:00Z");
    String inChat = "I already restarted vm-shop-1 at 10:15, still failing";
    ConversationState s = new ConversationState("sess-tried", "slack:C1:1.3", Stage.CONCLUDED, "Checkout on lb-shop fails for half the calls",
        "probe-down", 0.74, List.of(), lbId, "snapshot folder x", List.of(new RecordedAnswer("vm-responds", "no", "carol.oncall", at)), null,
        3, at.minusSeconds(600), at, List.of()).withTried(List.of(new RemediationTried(inChat, "carol.oncall", at,
            RemediationTried.STATEMENT, true)));
    try (JdbcSessionStore store = new JdbcSessionStore(url, Clock.systemUTC())) {
      store.save(s);
    }
    String example = Path.of("..", "examples", "probe-zero-vm-not-responding").toString();
    String onCli = "redeployed vm-shop-1 from the portal, no change";
    // when
    Result plain = run("bundle", "--snapshot", example, "--session", "sess-tried", "--db", url, "--tried", onCli, "--tried",
        "raised the probe interval to 15 s", "--out", tmp.resolve("t.zip").toString());
    Result red = run("bundle", "--snapshot", example, "--session", "sess-tried", "--db", url, "--tried", onCli, "--redact",
        "--out", tmp.resolve("tr.zip").toString());
    // then: the session's first, then the command line's, each with who and when
    assertThat(plain.exit()).as(plain.err()).isZero();
    String summary = Files.readString(unzip(tmp.resolve("t.zip")).resolve("SUMMARY.md"));
    String section = summary.substring(summary.indexOf("### Remediation already tried"), summary.indexOf("### Fixes suggested by lb-triage"));
    assertThat(section.lines().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow()).contains(inChat, "carol.oncall",
        "2026-11-25T10:20:00Z", "still failing");
    assertThat(section.lines().filter(l -> l.startsWith("| 2 |")).findFirst().orElseThrow()).contains(onCli, "| command line |",
        "still failing");
    assertThat(section).contains("| 3 | raised the probe interval to 15 s | not said |");
    assertThat(red.exit()).as(red.err()).isZero();
    unzip(tmp.resolve("tr.zip"));
    assertThat(BundleChecks.occurrences(tmp.resolve("unzipped-tr.zip"), List.of(inChat, onCli, "carol.oncall"))).isEmpty();
  }

  @Test
  void diagnose_bundle_takes_tried_too_and_tried_without_bundle_is_bad_input() throws Exception {
    Path zip = tmp.resolve("diag-tried.zip");
    Result r = run("diagnose", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--bundle", zip.toString(),
        "--tried", "opened port 80 in nsg-web-nic, still failing");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(unzip(zip).resolve("SUMMARY.md"))).contains("| 1 | opened port 80 in nsg-web-nic, still failing |");

    Result alone = run("diagnose", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--tried", "restarted the VM");
    assertThat(alone.exit()).isEqualTo(2);
    assertThat(alone.err()).contains("--tried goes with --bundle").doesNotContain("Exception");
  }

  @Test
  void a_live_azure_bundle_never_holds_the_token_and_replays_like_the_live_read() throws Exception {
    try (StubArmAccess stub = StubArmAccess.start(StubArmAccess.NATRULES)) {
      AzureTestHooks.use(StubArmAccess.credential(), StubArmAccess.options());
      try {
        Path zip = tmp.resolve("live.zip");
        Result r = run("bundle", "--azure", "--lb", "lb164701", "--symptom-id", "probe-down", "--out", zip.toString(), "--redact",
            "--arm-endpoint", stub.endpoint(), "--authority-host", "https://login.invalid/", "--subscription", StubArmAccess.SUBSCRIPTION);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(stub.writes()).isZero();
        Path folder = unzip(zip);
        assertThat(BundleChecks.occurrences(tmp, List.of(StubArmAccess.TOKEN, StubArmAccess.SUBSCRIPTION))).isEmpty();
        Result replay = run("diagnose", "--snapshot", folder.resolve("snapshot").toString(), "--lb", "lb164701",
            "--symptom-id", "probe-down", "-o", "json");
        Result live = run("diagnose", "--azure", "--lb", "lb164701", "--symptom-id", "probe-down", "-o", "json",
            "--arm-endpoint", stub.endpoint(), "--authority-host", "https://login.invalid/", "--subscription", StubArmAccess.SUBSCRIPTION);
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(statuses(replay.json())).isEqualTo(statuses(live.json())).isNotEmpty();
      } finally {
        AzureTestHooks.reset();
      }
    }
  }

  private static List<String> statuses(JsonNode diagnosis) {
    List<String> out = new java.util.ArrayList<>();
    diagnosis.path("findings").forEach(f -> out.add(f.path("cause").asText() + "=" + f.path("status").asText()));
    return out;
  }

  @Test
  void bad_input_is_one_line_and_exit_2() throws Exception {
    Path exists = Files.writeString(tmp.resolve("old.zip"), "x");
    for (String[] args : List.of(
        new String[] {"bundle", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--out", tmp.resolve("case.txt").toString()},
        new String[] {"bundle", "--snapshot", EXAMPLE, "--out", tmp.resolve("a.zip").toString()},
        new String[] {"bundle", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--out", exists.toString()},
        new String[] {"bundle", "--snapshot", EXAMPLE, "--session", "no-such-session", "--db", "jdbc:h2:mem:bundle-none",
            "--out", tmp.resolve("b.zip").toString()},
        new String[] {"diagnose", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--bundle", tmp.resolve("c").toString()},
        new String[] {"bundle", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--tried", " ", "--out", tmp.resolve("d.zip").toString()},
        new String[] {"bundle", "--snapshot", EXAMPLE, "--symptom-id", "probe-down", "--tried", "x".repeat(501), "--out",
            tmp.resolve("e.zip").toString()})) {
      Result r = run(args);
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err().lines().filter(l -> l.startsWith("lb-triage")).filter(l -> !l.contains(": reading") && !l.contains(": following"))
          .count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(Files.readString(exists)).isEqualTo("x");
  }

  @Test
  void help_says_what_it_makes() {
    Result r = run("bundle", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--out=FILE.zip", "--session=ID", "--redact", "--tried=TEXT", "--snapshot=DIR", "--azure", "SUMMARY.md", "CAPTURE-PLAN.md");
  }
}
