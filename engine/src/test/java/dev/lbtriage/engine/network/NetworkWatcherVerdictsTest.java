package dev.lbtriage.engine.network;

import static dev.lbtriage.engine.network.Facts.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.FlowVerification;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network Watcher's IP flow verify answers in a snapshot ({@code *.ip-flow-verify.json}) are facts
 * the rules use: they decide a flow the offline evaluation cannot, and win when the two disagree,
 * saying so in the evidence. The entries are the REST example's request and answer (a copy of the
 * real payload in {@code src/test/resources/network-watcher/}) with the values edited as each test
 * writes, put into copies of the example folders.
 */
class NetworkWatcherVerdictsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SPEC = Path.of("src/test/resources/network-watcher/azure-rest-api-specs.network.2025-10-01.NetworkWatcherIpFlowVerify.json");
  static final String VM_WEB_1 = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-1";

  @TempDir
  Path tmp;

  /** A copy of an example folder, without the files named. */
  Path copy(String example, String... without) throws IOException {
    Path to = tmp.resolve(example);
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(Facts.EXAMPLES.resolve(example))) {
      for (Path f : files.toList()) {
        if (!List.of(without).contains(f.getFileName().toString())) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }

  /**
   * One entry in the snapshot shape {@code {parameters, result}}: the spec example's
   * {@code parameters.parameters} and {@code responses.200.body} with these values edited in.
   */
  static ObjectNode entry(String vmId, String direction, String localIp, int localPort, String remoteIp, String access,
      String ruleName) throws IOException {
    ObjectNode spec = (ObjectNode) JSON.readTree(SPEC.toFile());
    ObjectNode params = (ObjectNode) spec.path("parameters").path("parameters");
    params.put("targetResourceId", vmId).put("direction", direction).put("localIPAddress", localIp)
        .put("localPort", String.valueOf(localPort)).put("remoteIPAddress", remoteIp).put("remotePort", "*");
    ObjectNode body = (ObjectNode) spec.path("responses").path("200").path("body");
    body.put("access", access).put("ruleName", ruleName);
    ObjectNode e = JSON.createObjectNode();
    e.set("parameters", params);
    e.set("result", body);
    return e;
  }

  static void write(Path folder, ObjectNode... entries) throws IOException {
    ArrayNode a = JSON.createArrayNode();
    for (ObjectNode e : entries) {
      a.add(e);
    }
    Files.writeString(folder.resolve("network-watcher.ip-flow-verify.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a));
  }

  static AzureFacts read(Path folder, String lb) {
    return new SnapshotReader(folder).gather(lb, Progress.none());
  }

  static List<Finding> findings(RuleOutcome out, String cause, Status status) {
    return NetworkSecurityRulesTest.findings(out, cause, status);
  }

  @Test
  void the_rest_example_file_itself_reads_as_a_flow_verification() throws IOException {
    Path folder = copy("healthy");
    Files.copy(SPEC, folder.resolve("spec.ip-flow-verify.json"));

    AzureFacts facts = read(folder, "lb-shop");

    assertThat(facts.problems()).filteredOn(p -> p.severity() == SnapshotProblem.Severity.ERROR).isEmpty();
    assertThat(facts.flowVerifications()).singleElement().isEqualTo(new FlowVerification(
        "/subscriptions/subid/resourceGroups/rg2/providers/Microsoft.Compute/virtualMachines/vm1", Direction.OUTBOUND,
        TransportProtocol.TCP, "10.2.0.4", 80, "121.10.1.1", "80", Access.ALLOW, "Rule1", null,
        new dev.lbtriage.rules.facts.Origin("/subscriptions/subid/resourceGroups/rg2/providers/Microsoft.Compute/virtualMachines/vm1",
            "spec.ip-flow-verify.json")));
  }

  @Test
  void a_bad_entry_is_one_problem_naming_the_file_and_the_rest_is_read() throws IOException {
    Path folder = copy("healthy");
    ObjectNode bad = entry(VM_WEB_1, "Sideways", "172.18.0.5", 80, "168.63.129.16", "Allow", "x");
    write(folder, bad, entry(VM_WEB_1, "Inbound", "172.18.0.6", 80, "168.63.129.16", "Allow", "x"));

    AzureFacts facts = read(folder, "lb-shop");

    assertThat(facts.flowVerifications()).extracting(FlowVerification::localIp).containsExactly("172.18.0.6");
    assertThat(facts.problems()).filteredOn(p -> p.severity() == SnapshotProblem.Severity.ERROR).singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("network-watcher.ip-flow-verify.json", "Sideways"));
  }

  @Test
  void azure_decides_a_probe_flow_the_offline_evaluation_cannot() throws IOException {
    // nsg-deny-all-nic without nsg-web.json: the NICs name an NSG the snapshot lacks, so offline it is UNKNOWN;
    // edited: vm-web-1's probe flow 168.63.129.16 -> 10.0.0.4:25, Deny by securityRules/DenyAll
    Path folder = copy("nsg-deny-all-nic", "nsg-web.json");
    write(folder, entry(VM_WEB_1, "Inbound", "10.0.0.4", 25, "168.63.129.16", "Deny", "securityRules/DenyAll"));

    RuleOutcome out = run(read(folder, "lb-web"), "probe-down", Map.of());

    assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("10.0.0.4");
      assertThat(f.evidence().get(0)).contains(
          "Azure Network Watcher IP flow verify (network-watcher.ip-flow-verify.json): inbound TCP 168.63.129.16 -> 10.0.0.4:25: Deny by securityRules/DenyAll",
          "the offline evaluation of the gathered NSG rules could not decide", "Azure's verdict is the one in force");
    });
    assertThat(findings(out, "probe-port-blocked", Status.SUSPECTED)).extracting(Finding::subject).contains("10.0.0.5");
  }

  @Test
  void azure_denying_what_the_offline_evaluation_allows_is_confirmed_and_the_evidence_names_both() throws IOException {
    Path folder = copy("healthy");
    String vm = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shop/providers/Microsoft.Compute/virtualMachines/vm-shop-1";
    write(folder, entry(vm, "Inbound", "172.18.0.5", 80, "168.63.129.16", "Deny", "securityRules/DenyProbe"));

    RuleOutcome out = run(read(folder, "lb-shop"), "probe-down", Map.of());

    assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("172.18.0.5");
      assertThat(f.evidence().get(0)).contains("Deny by securityRules/DenyProbe",
          "the offline evaluation of the gathered NSG rules says ALLOW", "AllowAzureLoadBalancerInBound", "Azure's verdict is the one in force");
    });
  }

  @Test
  void azure_admitting_what_the_offline_evaluation_denies_is_not_confirmed() throws IOException {
    Path folder = copy("nsg-deny-all-nic");
    write(folder, entry(VM_WEB_1, "Inbound", "10.0.0.4", 25, "168.63.129.16", "Allow",
        "defaultSecurityRules/AllowAzureLoadBalancerInBound"));

    RuleOutcome out = run(read(folder, "lb-web"), "probe-down", Map.of("guest-firewall-allows-probe", "yes"));

    assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).extracting(Finding::subject).containsExactly("10.0.0.5");
    assertThat(findings(out, "probe-port-blocked", Status.RULED_OUT)).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("10.0.0.4");
      assertThat(f.evidence().get(0)).contains("Allow by defaultSecurityRules/AllowAzureLoadBalancerInBound",
          "the offline evaluation of the gathered NSG rules says DENY", "DenyAll@100");
    });
  }

  @Test
  void azure_decides_the_named_clients_flow_too() throws IOException {
    Path folder = copy("some-sources-allowed");
    write(folder, entry("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1", "Inbound",
        "172.20.2.4", 80, "203.0.113.50", "Allow", "securityRules/AllowWebFromAnywhere"));

    RuleOutcome named = run(read(folder, "lb"), "data-port-down", Map.of("client-ip", "203.0.113.50"));
    RuleOutcome other = run(read(folder, "lb"), "data-port-down", Map.of("client-ip", "203.0.113.51"));

    assertThat(findings(named, "data-port-blocked", Status.CONFIRMED)).isEmpty();
    assertThat(findings(named, "data-port-blocked", Status.RULED_OUT)).singleElement()
        .satisfies(f -> assertThat(f.evidence().get(0)).contains("Allow by securityRules/AllowWebFromAnywhere", "says DENY"));
    assertThat(findings(other, "data-port-blocked", Status.CONFIRMED)).as("a verdict for another address is not used")
        .singleElement().satisfies(f -> assertThat(f.evidence().get(0)).doesNotContain("Network Watcher"));
  }
}
