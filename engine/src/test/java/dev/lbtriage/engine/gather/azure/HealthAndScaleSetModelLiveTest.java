package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.HealthEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reads over HTTPS from the stub ARM: Resource Health and the health event logs of the load
 * balancer, and the NSG of a scale set's model; a capture replays them.
 */
class HealthAndScaleSetModelLiveTest {

  private static final String RG = "/subscriptions/" + Stubs.SUB + "/resourceGroups/javacsmrg93007";
  private static final String LB = RG + "/providers/Microsoft.Network/loadBalancers/extlb1-3b962020e";
  private static final Diagnoser DIAGNOSER = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());

  @Test
  void resourceHealthAndHealthEventsAreReadWithGetsAndReplayedFromTheCapture(@TempDir Path tmp) throws Exception {
    Path scenario = Path.of(getClass().getResource("/arm-stub/vmss").toURI());
    try (StubArm stub = new StubArm(scenario)) {
      AzureFactSource source = Stubs.source(stub, new TestCredential());
      LiveRead read = source.read(LB, Progress.none());
      AzureFacts live = read.facts();

      assertThat(live.healthEvents()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(HealthEvent.HIGH_SNAT_PORT_USAGE);
        assertThat(e.origin().file()).isEqualTo("health-events-logs.json");
      });
      assertThat(live.resourceHealth()).singleElement().satisfies(h -> assertThat(h.available()).isTrue());
      assertThat(stub.queries).filteredOn(q -> q.contains("/providers/microsoft.insights/logs?")).singleElement()
          .satisfies(q -> assertThat(q).startsWith("GET ").contains("api-version=2018-03-01-preview", "ALBHealthEvent",
              "timespan=2026-11-25T10:00:00Z/2026-11-25T10:30:00Z"));
      assertThat(stub.queries).filteredOn(q -> q.contains("availabilityStatuses/current?")).singleElement()
          .satisfies(q -> assertThat(q).contains("api-version=2025-05-01"));

      Path folder = tmp.resolve("capture");
      Capture.write(read, folder);
      assertThat(folder.resolve("health-events-logs.json")).exists();
      assertThat(folder.resolve("resource-health-current.json")).exists();
      AzureFacts replay = new SnapshotReader(folder).gather(LB, Progress.none());
      assertThat(replay.healthEvents()).isEqualTo(live.healthEvents());
      assertThat(replay.resourceHealth()).isEqualTo(live.resourceHealth());

      Diagnosis d = DIAGNOSER.diagnose(live, LB, "data-port-down", null, List.of());
      assertThat(d.notices()).anySatisfy(n -> assertThat(n).contains("HighSnatPortUsage", "not one of this symptom's causes"));
    }
  }

  @Test
  void withoutHealthSignalsInAzureNothingIsMissing() throws Exception {
    try (StubArm stub = new StubArm(Stubs.natrules())) {
      AzureFacts live = Stubs.source(stub, new TestCredential()).gather(Stubs.LB, Progress.none());
      assertThat(live.healthEvents()).isEmpty();
      assertThat(live.resourceHealth()).isEmpty();
      assertThat(live.missing()).isEmpty();
      assertThat(stub.count("GET", Stubs.LB + HealthReads.RESOURCE_HEALTH_PATH)).isEqualTo(1);
    }
  }

  @Test
  void aForbiddenHealthEventQueryIsAMissingFactWithItsReason() throws Exception {
    try (StubArm stub = new StubArm(Stubs.natrules())) {
      stub.failAlways(Stubs.LB + HealthReads.LOGS_PATH, StubFault.status(403, "AuthorizationFailed"));
      AzureFacts live = Stubs.source(stub, new TestCredential()).gather(Stubs.LB, Progress.none());
      assertThat(live.missing()).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo("health-events");
        assertThat(m.reason()).contains("no permission", "403");
      });
    }
  }

  @Test
  void theScaleSetModelsNsgIsReadLiveAndDecidesTheProbeAsFromTheSnapshot() throws Exception {
    Path example = Path.of("..", "examples", "vmss-model-nsg-blocks-probe").toAbsolutePath();
    assertThat(Files.isDirectory(example)).isTrue();
    try (StubArm stub = new StubArm(example)) {
      AzureFacts live = Stubs.source(stub, new TestCredential()).gather(LB, Progress.none());
      assertThat(live.networkSecurityGroups()).extracting(n -> n.name()).containsExactly("nsg-vmss47409");
      assertThat(stub.count("GET", RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg-vmss47409")).isEqualTo(1);
      Diagnosis d = DIAGNOSER.diagnose(live, LB, "probe-down", null, List.of());
      assertThat(d.findings()).filteredOn(f -> f.cause().equals("probe-port-blocked")).singleElement().satisfies(f -> {
        assertThat(f.status()).isEqualTo("confirmed");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("scale set model", "DenyAll"));
      });
    }
  }
}
