package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Network Watcher IP flow verify for the probe flow, as a long-running read-style POST with a body. */
class ProbeFlowTest {

  private static final String WATCHERS = "/subscriptions/" + Stubs.SUB + "/providers/Microsoft.Network/networkWatchers";
  private static final String WATCHER = "/subscriptions/" + Stubs.SUB
      + "/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_eastus";

  private StubArm stub;

  @BeforeEach
  void start() throws Exception {
    stub = new StubArm(Stubs.natrules());
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void asksTheRegionsWatcherAboutTcpFromTheProbeAddressToTheBackendPort() throws Exception {
    stub.serve(WATCHERS, StubArm.JSON.readTree("{\"value\":[{\"id\":\"" + WATCHER.replace("eastus", "westus")
        + "\",\"location\":\"westus\"},{\"id\":\"" + WATCHER + "\",\"location\":\"eastus\"}]}"));
    // the 200 body of azure-rest-api-specs NetworkWatcherIpFlowVerify.json (see arm-stub/NOTES.md)
    stub.serveAction(WATCHER + "/ipFlowVerify", StubArm.JSON.readTree(Files.readString(
        Stubs.natrules().resolveSibling("network-watcher-ipflowverify.json"))));

    FlowVerdict verdict = Stubs.source(stub, new TestCredential()).verifyProbeFlow(Stubs.VM1, "East US", "10.0.0.4", 80);

    assertThat(verdict).isEqualTo(new FlowVerdict(Stubs.VM1, "10.0.0.4", 80, "168.63.129.16", "Allow", "Rule1", WATCHER));
    assertThat(verdict.allowed()).isTrue();
    JsonNode sent = StubArm.JSON.readTree(stub.bodies.get(StubArm.key(WATCHER + "/ipFlowVerify")));
    assertThat(sent.path("direction").asText()).isEqualTo("Inbound");
    assertThat(sent.path("protocol").asText()).isEqualTo("TCP");
    assertThat(sent.path("localPort").asText()).isEqualTo("80");
    assertThat(sent.path("remoteIPAddress").asText()).isEqualTo("168.63.129.16");
    assertThat(sent.path("targetResourceId").asText()).isEqualTo(Stubs.VM1);
    assertThat(stub.requests).filteredOn(r -> r.matches("GET /operations/\\d+/async")).isNotEmpty();
  }

  @Test
  void noWatcherInTheRegionIsSaidPlainly() throws Exception {
    stub.serve(WATCHERS, StubArm.JSON.readTree("{\"value\":[]}"));

    assertThatThrownBy(() -> Stubs.source(stub, new TestCredential()).verifyProbeFlow(Stubs.VM1, "eastus", "10.0.0.4", 80))
        .isInstanceOf(ArmReadException.class).hasMessageContaining("no Network Watcher in region eastus");
  }
}
