package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live read asks Network Watcher about each backend VM's probe flow (natrules: rule1 with
 * tcpProbe1 on port 25, pool backend1 of two VMs) and compares with the offline NSG evaluation.
 */
class ProbeFlowGatherTest {

  private static final String WATCHERS = "/subscriptions/" + Stubs.SUB + "/providers/Microsoft.Network/networkWatchers";
  private static final String WATCHER = "/subscriptions/" + Stubs.SUB
      + "/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_eastus";
  private static final String VERIFY = WATCHER + "/ipFlowVerify";
  private static final String VM2 = Stubs.RG + "/providers/Microsoft.Compute/virtualMachines/vm74f116254d";

  private StubArm stub;

  @BeforeEach
  void start() throws Exception {
    stub = new StubArm(Stubs.natrules());
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private void watcherInEastUs() throws Exception {
    stub.serve(WATCHERS, StubArm.JSON.readTree("{\"value\":[{\"id\":\"" + WATCHER.replace("eastus", "westus")
        + "\",\"location\":\"westus\"},{\"id\":\"" + WATCHER + "\",\"location\":\"eastus\"}]}"));
  }

  /** The example body shape of azure-rest-api-specs NetworkWatcherIpFlowVerify.json (see arm-stub/NOTES.md). */
  private static JsonNode body(String file) throws Exception {
    return StubArm.JSON.readTree(Files.readString(Stubs.natrules().resolveSibling(file)));
  }

  private static List<SnapshotProblem> notes(AzureFacts facts) {
    return facts.problems().stream().filter(p -> p.file().equals("azure:ipFlowVerify")).toList();
  }

  @Test
  void azureAgreeingWithTheOfflineEvaluationSaysNothing() throws Exception {
    // the effective rules (default rules assumed where the file leaves them out) allow the probe offline too;
    // Azure's answer is the real example's, Allow by Rule1
    watcherInEastUs();
    stub.serveAction(VERIFY, body("network-watcher-ipflowverify.json"));
    List<String> steps = new CopyOnWriteArrayList<>();

    AzureFacts facts = Stubs.source(stub, new TestCredential()).gather(Stubs.LB, (s, d, t) -> steps.add(s + " " + d + "/" + t));

    assertThat(stub.count("POST", VERIFY)).as("one per backend VM and probe port").isEqualTo(2);
    List<JsonNode> sent = stub.postBodies(VERIFY);
    assertThat(sent).extracting(b -> b.path("targetResourceId").asText()).containsExactlyInAnyOrder(Stubs.VM1, VM2);
    assertThat(sent).extracting(b -> b.path("localIPAddress").asText()).containsExactlyInAnyOrder("10.0.0.4", "10.0.0.5");
    assertThat(sent).allSatisfy(b -> {
      assertThat(b.path("localPort").asText()).isEqualTo("25");
      assertThat(b.path("remoteIPAddress").asText()).isEqualTo("168.63.129.16");
      assertThat(b.path("direction").asText()).isEqualTo("Inbound");
      assertThat(b.path("protocol").asText()).isEqualTo("TCP");
    });
    assertThat(notes(facts)).isEmpty();
    assertThat(facts.missing()).noneMatch(m -> m.kind().equals("ip-flow-verify"));
    assertThat(steps).contains("reading 2 probe flow verifications 2/2");
  }

  @Test
  void azureDisagreeingIsANoteNamingBothVerdictsThatReachesTheProblems() throws Exception {
    watcherInEastUs();
    // the example's shape, Deny by securityRules/DenyAll, where the gathered rules allow (AllowAzureLoadBalancerInBound)
    stub.serveAction(VERIFY, body("network-watcher-ipflowverify-deny.json"));

    AzureFacts facts = Stubs.source(stub, new TestCredential()).gather(Stubs.LB, Progress.none());

    List<SnapshotProblem> notes = notes(facts);
    assertThat(notes).hasSize(2).allSatisfy(n -> {
      assertThat(n.severity()).isEqualTo(SnapshotProblem.Severity.NOTE);
      assertThat(n.file()).isEqualTo("azure:ipFlowVerify");
      assertThat(n.message()).contains("probe port 25", "Azure Network Watcher says Deny by securityRules/DenyAll",
          "the offline evaluation of the gathered NSG rules says ALLOW (allowed by "
              + "nsg164701/defaultSecurityRules/AllowAzureLoadBalancerInBound@65001");
    });
    assertThat(notes).extracting(SnapshotProblem::message).anyMatch(m -> m.contains("pool member VM vmb9f0738985 (10.0.0.4)"))
        .anyMatch(m -> m.contains("pool member VM vm74f116254d (10.0.0.5)"));
    Diagnosis d = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath())
        .diagnose(facts, Stubs.LB, "probe-down", null, List.of());
    assertThat(d.problems()).anyMatch(p -> p.startsWith("azure:ipFlowVerify: pool member VM vmb9f0738985 (10.0.0.4)")
        && p.contains("Deny by securityRules/DenyAll") && p.contains("says ALLOW"));
    assertThat(facts.missing()).noneMatch(m -> m.kind().equals("ip-flow-verify"));
  }

  @Test
  void aRefusedCallIsAMissingFactAndTheGatherCompletes() throws Exception {
    watcherInEastUs();
    stub.serveAction(VERIFY, body("network-watcher-ipflowverify-deny.json"));
    stub.failAlways(VERIFY, StubFault.status(403, "AuthorizationFailed"));

    LiveRead read = Stubs.source(stub, new TestCredential()).read(Stubs.LB, Progress.none());
    AzureFacts facts = read.facts();

    List<MissingFact> missing = facts.missing().stream().filter(m -> m.kind().equals("ip-flow-verify")).toList();
    assertThat(missing).extracting(MissingFact::reference).containsExactlyInAnyOrder(Stubs.VM1, VM2);
    assertThat(missing).filteredOn(m -> m.reference().equals(Stubs.VM1)).singleElement()
        .satisfies(m -> assertThat(m.reason()).contains("TCP 168.63.129.16 -> 10.0.0.4:25",
            "403 Forbidden (AuthorizationFailed)"));
    assertThat(stub.count("POST", VERIFY)).as("403 is not retried").isEqualTo(2);
    assertThat(read.probeFlowFailures()).isEqualTo(missing);
    assertThat(notes(facts)).isEmpty();
    assertThat(facts.loadBalancers()).hasSize(1);
    assertThat(facts.effectiveSecurityRules()).hasSize(2);
  }

  @Test
  void theCaptureKeepsAzuresAnswersSoTheReplayDiagnosesTheSame(@TempDir Path tmp) throws Exception {
    watcherInEastUs();
    stub.serveAction(VERIFY, body("network-watcher-ipflowverify-deny.json"));
    LiveRead read = Stubs.source(stub, new TestCredential()).read(Stubs.LB, Progress.none());

    Capture.write(read, tmp.resolve("cap"));
    AzureFacts live = read.facts();
    AzureFacts replay = new dev.lbtriage.engine.gather.snapshot.SnapshotReader(tmp.resolve("cap")).gather(Stubs.LB, Progress.none());

    assertThat(read.probeFlowNotes()).hasSize(2);
    assertThat(Files.readString(tmp.resolve("cap/CAPTURE.md")))
        .contains("Network Watcher probe flow verification", "Deny by securityRules/DenyAll", "network-watcher.ip-flow-verify.json");
    assertThat(live.flowVerifications()).hasSize(2).allSatisfy(v -> {
      assertThat(v.access()).isEqualTo(dev.lbtriage.rules.facts.Access.DENY);
      assertThat(v.ruleName()).isEqualTo("securityRules/DenyAll");
      assertThat(v.remoteIp()).isEqualTo("168.63.129.16");
      assertThat(v.localPort()).isEqualTo(25);
      assertThat(v.networkWatcherId()).isEqualTo(WATCHER);
    });
    assertThat(replay.flowVerifications()).isEqualTo(live.flowVerifications());
    Diagnoser diagnoser = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());
    for (AzureFacts facts : List.of(live, replay)) {
      Diagnosis d = diagnoser.diagnose(facts, Stubs.LB, "probe-down", null, List.of());
      assertThat(d.findings()).filteredOn(f -> f.cause().equals("probe-port-blocked")).singleElement().satisfies(f -> {
        assertThat(f.status()).isEqualTo("confirmed");
        assertThat(f.subjects()).containsExactlyInAnyOrder("10.0.0.4", "10.0.0.5");
        assertThat(f.evidence()).anyMatch(e -> e.contains("Deny by securityRules/DenyAll") && e.contains("Azure's verdict is the one in force"));
      });
    }
  }

  @Test
  void anOfflineUnknownThatAzureDecidesIsANoteToo() {
    AzureFacts none = new AzureFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    ProbeFlowCheck.Target t = new ProbeFlowCheck.Target(Stubs.VM1, Stubs.NIC1, Stubs.NIC1 + "/ipConfigurations/c", "10.0.0.4", 25);

    var note = ProbeFlowCheck.compare(none, t,
        new FlowVerdict(Stubs.VM1, "10.0.0.4", 25, "168.63.129.16", "Allow", "defaultSecurityRules/AllowAzureLoadBalancerInBound", "w"));

    assertThat(note).get().satisfies(n -> assertThat(n.message()).contains(
        "Azure Network Watcher says Allow by defaultSecurityRules/AllowAzureLoadBalancerInBound",
        "could not decide (NIC '10.0.0.4' is not in the facts"));
  }

  @Test
  void noWatcherInTheRegionOrTurnedOffAsksNothing() throws Exception {
    stub.serveAction(VERIFY, body("network-watcher-ipflowverify.json"));
    stub.serve(WATCHERS, StubArm.JSON.readTree("{\"value\":[{\"id\":\"" + WATCHER.replace("eastus", "westus")
        + "\",\"location\":\"westus\"}]}"));

    AzureFacts facts = Stubs.source(stub, new TestCredential()).gather(Stubs.LB, Progress.none());
    assertThat(stub.count("POST", VERIFY)).isZero();
    assertThat(notes(facts)).isEmpty();
    assertThat(facts.missing()).noneMatch(m -> m.kind().startsWith("ip-flow-verify") || m.kind().equals("network-watcher"));

    watcherInEastUs();
    new AzureFactSource(Stubs.cloud(stub), new TestCredential(), Stubs.options().withVerifyProbeFlows(false))
        .gather(Stubs.LB, Progress.none());
    assertThat(stub.count("POST", VERIFY)).isZero();
  }
}
