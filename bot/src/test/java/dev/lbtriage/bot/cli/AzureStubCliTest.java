package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Cli.Result;
import dev.lbtriage.engine.gather.azure.StubArmAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose --azure} and {@code capture} against the engine's stub Resource Manager (HTTPS on
 * 127.0.0.1, real recorded payloads of the natrules scenario, whose folder is also a snapshot).
 */
class AzureStubCliTest {

  private static final String SNAPSHOT = StubArmAccess.NATRULES.toString();
  private static StubArmAccess stub;

  @TempDir Path tmp;

  @BeforeAll
  static void startStub() throws Exception {
    stub = StubArmAccess.start(StubArmAccess.NATRULES);
    AzureTestHooks.use(StubArmAccess.credential(), StubArmAccess.options());
  }

  @AfterAll
  static void stopStub() {
    AzureTestHooks.reset();
    stub.close();
  }

  static String[] azure(StubArmAccess arm, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--arm-endpoint", arm.endpoint(), "--authority-host", "https://login.invalid/",
        "--subscription", StubArmAccess.SUBSCRIPTION));
    return all.toArray(String[]::new);
  }

  static String[] diagnose(String... source) {
    List<String> all = new ArrayList<>(List.of("diagnose", "--lb", "lb164701", "--symptom-id", "probe-down", "--format", "json"));
    all.addAll(List.of(source));
    return all.toArray(String[]::new);
  }

  @Test
  void diagnose_azure_finds_what_diagnose_snapshot_finds_on_the_same_documents() {
    Result live = run(azure(stub, diagnose("--azure")));
    Result replay = run(diagnose("--snapshot", SNAPSHOT));

    assertThat(live.exit()).as(live.err()).isZero();
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(live.json().path("findings")).isNotEmpty().isEqualTo(replay.json().path("findings"));
    assertThat(live.json().path("remediation")).isEqualTo(replay.json().path("remediation"));
    assertThat(status(live.json(), "vm-unhealthy")).isEqualTo("confirmed");
    assertThat(live.json().path("missingFacts")).isEmpty();
    assertThat(live.err()).contains("lb-triage: reading 2 effective security rules, 2 effective routes 4/4");
    assertThat(stub.writes()).isZero();
  }

  @Test
  void diagnose_azure_in_text_mode_picks_the_only_load_balancer_and_names_the_confirmed_cause() {
    Result r = run(azure(stub, "diagnose", "--azure", "--symptom-id", "probe-down"));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().replaceAll("\\s+", " ")).contains("load balancer lb164701 (resource group rg164701)")
        .contains("Confirmed: The backend VM is stopped or unhealthy.")
        .contains("CONFIRMED The backend VM is stopped or unhealthy (vm-unhealthy)")
        .contains("power state: deallocated");
  }

  @Test
  void with_the_nsg_and_effective_rules_forbidden_the_diagnosis_completes_names_them_and_confirms_nothing_on_them()
      throws Exception {
    try (StubArmAccess faulty = StubArmAccess.start(StubArmAccess.NATRULES)) {
      faulty.failAlways(StubArmAccess.NSG, 403, "AuthorizationFailed");
      for (String nic : StubArmAccess.NICS) {
        faulty.failAlways(nic + "/effectiveNetworkSecurityGroups", 403, "AuthorizationFailed");
      }

      Result r = run(azure(faulty, diagnose("--azure")));

      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode j = r.json();
      assertThat(j.path("missingFacts").toString()).contains("nsg164701")
          .contains("no permission to read network-security-group nsg164701: 403 Forbidden (AuthorizationFailed)");
      assertThat(status(j, "probe-port-blocked")).as("no NSG fact, so neither confirmed nor ruled out").isEqualTo("suspected");
      for (JsonNode f : j.path("findings")) {
        if (!f.path("status").asText().equals("suspected")) {
          assertThat(f.path("evidence").toString()).as(f.path("cause").asText())
              .doesNotContain("nsg-nsg164701.json").doesNotContain(".effective-nsg.json");
        }
      }
      assertThat(status(j, "vm-unhealthy")).as("still confirmed by the VM's power state").isEqualTo("confirmed");
    }
  }

  @Test
  void capture_writes_a_folder_that_diagnoses_as_the_live_read_does() {
    Path out = tmp.resolve("capture");

    Result captured = run(azure(stub, "capture", "--lb", "rg164701/lb164701", "--out", out.toString()));
    Result replay = run(diagnose("--snapshot", out.toString()));
    Result live = run(azure(stub, diagnose("--azure")));

    assertThat(captured.exit()).as(captured.err()).isZero();
    assertThat(captured.out()).startsWith("Captured load balancer lb164701 to " + out + " (16 files)")
        .contains("  lb-lb164701.json").contains("  nic28110592805.effective-nsg.json").contains("  CAPTURE.md")
        .contains("Every read succeeded.").contains("Next: lb-triage diagnose --snapshot " + out);
    assertThat(captured.err()).contains("lb-triage: reading load balancer rg164701/lb164701 1/1");
    assertThat(out.resolve("CAPTURE.md")).exists();
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.json().path("findings")).isNotEmpty().isEqualTo(live.json().path("findings"));
    assertThat(replay.json().path("remediation")).isEqualTo(live.json().path("remediation"));
  }

  @Test
  void capture_json_lists_the_folder_the_files_and_what_could_not_be_read() throws Exception {
    try (StubArmAccess faulty = StubArmAccess.start(StubArmAccess.NATRULES)) {
      faulty.failAlways(StubArmAccess.NSG, 403, "AuthorizationFailed");
      Path out = tmp.resolve("partial");

      Result r = run(azure(faulty, "capture", "--azure", "--lb", "lb164701", "--out", out.toString(), "--format", "json"));

      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode j = r.json();
      assertThat(j.path("folder").asText()).isEqualTo(out.toString());
      List<String> files = new ArrayList<>();
      j.path("files").forEach(f -> files.add(f.asText()));
      assertThat(files).contains("lb-lb164701.json", "vm-vm74f116254d.json", "CAPTURE.md")
          .doesNotContain("nsg-nsg164701.json");
      assertThat(files).allSatisfy(f -> assertThat(out.resolve(f)).exists());
      assertThat(j.path("missing")).singleElement().satisfies(m -> {
        assertThat(m.path("kind").asText()).isEqualTo("network-security-group");
        assertThat(m.path("reference").asText()).isEqualTo(StubArmAccess.NSG);
        assertThat(m.path("reason").asText()).contains("403 Forbidden (AuthorizationFailed)");
      });
      assertThat(Files.readString(out.resolve("CAPTURE.md"))).contains("## Could not be read").contains("nsg164701");
    }
  }

  @Test
  void capture_refuses_a_folder_that_is_not_empty_before_reading_anything() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    long before = stub.requests();

    Result r = run(azure(stub, "capture", "--lb", "lb164701", "--out", out.toString()));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("--out " + out + " is not empty");
    assertThat(stub.requests()).isEqualTo(before);
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void capture_of_an_unknown_load_balancer_exits_2_naming_it() {
    Result r = run(azure(stub, "capture", "--lb", "rg164701/nope", "--out", tmp.resolve("x").toString()));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no load balancer").contains("loadBalancers/nope");
  }

  @Test
  void capture_without_out_or_with_snapshot_is_bad_input() {
    assertThat(run("capture", "--lb", "lb").exit()).isEqualTo(2);
    Result r = run("capture", "--lb", "lb", "--out", tmp.toString(), "--snapshot", SNAPSHOT);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").contains("'--snapshot'");
  }

  @Test
  void an_http_arm_endpoint_is_bad_input() {
    Result r = run("diagnose", "--azure", "--arm-endpoint", "http://127.0.0.1:1/", "--lb", "lb", "--symptom-id", "probe-down");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).startsWith("lb-triage diagnose: cannot use --azure:");
  }

  static String status(JsonNode diagnosis, String cause) {
    for (JsonNode f : diagnosis.path("findings")) {
      if (f.path("cause").asText().equals(cause)) {
        return f.path("status").asText();
      }
    }
    throw new AssertionError("no finding " + cause + " in " + diagnosis.path("findings"));
  }
}
