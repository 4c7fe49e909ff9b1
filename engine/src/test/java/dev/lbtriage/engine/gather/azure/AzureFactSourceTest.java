package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LbSku;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole live gather through the real SDK pipeline against the stub, compared with the snapshot reader. */
class AzureFactSourceTest {

  private StubArm stub;
  private final TestCredential credential = new TestCredential();

  @BeforeEach
  void start() throws Exception {
    stub = new StubArm(Stubs.natrules());
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void liveGatherGivesTheSnapshotReadersFactsForTheSameDocuments() throws Exception {
    List<String> steps = new CopyOnWriteArrayList<>();
    Progress progress = (step, done, total) -> steps.add(step + " " + done + "/" + total);

    AzureFacts live = Stubs.source(stub, credential).gather(Stubs.LB, progress);
    AzureFacts snapshot = new SnapshotReader(Stubs.natrules()).gather(Stubs.LB, Progress.none());

    assertThat(live).isEqualTo(snapshot);
    assertThat(live.missing()).isEmpty();
    assertThat(live.networkInterfaces()).hasSize(2);
    assertThat(live.virtualMachines()).hasSize(2);
    assertThat(live.networkSecurityGroups()).hasSize(1);
    assertThat(live.routeTables()).hasSize(1);
    assertThat(live.effectiveSecurityRules()).hasSize(2);
    assertThat(live.effectiveRoutes()).hasSize(2);
    assertThat(live.metrics()).isNotEmpty();
    assertThat(steps).contains("reading 2 NICs, 1 public IP, 2 metrics, 1 Resource Health status, 1 health event query 3/7", "reading 2 VMs, 1 VNet 3/3", "reading 2 effective security rules, "
        + "2 effective routes 4/4");
  }

  @Test
  void readsOnlyWithGetAndTheEffectiveActionsAndPollsThem() throws Exception {
    Stubs.source(stub, credential).gather(Stubs.LB, Progress.none());

    assertThat(stub.requests).allSatisfy(r -> assertThat(r).matches(
        "GET .*|POST .*/(effectiveNetworkSecurityGroups|effectiveRouteTable)"));
    assertThat(stub.count("POST", Stubs.NIC1 + "/effectiveNetworkSecurityGroups")).isEqualTo(1);
    assertThat(stub.requests).filteredOn(r -> r.matches("GET /operations/\\d+/async")).hasSize(8);
    assertThat(stub.requests).filteredOn(r -> r.matches("GET /operations/\\d+/result")).hasSize(4);
    assertThat(credential.scopes).containsOnly(stub.endpoint() + ".default");
  }

  @Test
  void asksForTheLastThirtyMinutesOfMetricsByTheInjectedClock() throws Exception {
    AzureFacts facts = Stubs.source(stub, credential).gather(Stubs.LB, Progress.none());

    assertThat(stub.queries).filteredOn(q -> q.contains("/metrics?")).hasSize(2).allSatisfy(q -> assertThat(q)
        .contains("timespan=2026-11-25T10:00:00Z/2026-11-25T10:30:00Z", "api-version=2023-10-01", "aggregation=Average"));
    assertThat(facts.metrics()).extracting(m -> m.metric()).contains("DipAvailability", "VipAvailability");
  }

  @Test
  void findsTheLoadBalancerByNameAcrossTheSubscriptionOrByResourceGroupAndName() throws Exception {
    AzureFactSource source = Stubs.source(stub, credential);

    assertThat(source.loadBalancers()).containsExactly(new LoadBalancerSummary(Stubs.LB, "lb164701", "rg164701",
        "eastus", LbSku.BASIC, false, "azure:GET loadBalancers"));
    assertThat(source.gather("LB164701", Progress.none()).loadBalancers()).hasSize(1);
    assertThat(source.gather("rg164701/lb164701", Progress.none()).loadBalancers()).hasSize(1);
    assertThatThrownBy(() -> source.gather("no-such-lb", Progress.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no load balancer named 'no-such-lb'");
    assertThatThrownBy(() -> source.gather("rg164701/other", Progress.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no load balancer");
  }

  @Test
  void readsConcurrentlyButNeverMoreThanTheParallelismAtOnceBesidesTheLongRunningActions() throws Exception {
    stub.delayEveryMillis = 60;
    AzureFactSource source = new AzureFactSource(Stubs.cloud(stub), credential, Stubs.options().withParallelism(3));

    AzureFacts facts = source.gather(Stubs.LB, Progress.none());

    assertThat(facts.missing()).isEmpty();
    // 3 reads at once, plus the effective rules/routes actions (6 x 3 at most), which wait beside the reads
    assertThat(stub.maxInFlight.get()).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(3 + 18);
  }

  @Test
  void aCredentialThatCannotGetATokenFailsTheLoadBalancerReadClearly() throws Exception {
    com.azure.core.credential.TokenCredential none = request -> reactor.core.publisher.Mono.error(
        new com.azure.identity.CredentialUnavailableException("no credential in this environment"));
    AzureFactSource source = new AzureFactSource(Stubs.cloud(stub), none, Stubs.options());

    assertThatThrownBy(() -> source.gather(Stubs.LB, Progress.none())).isInstanceOf(ArmReadException.class)
        .hasMessageContaining("could not get an access token (CredentialUnavailableException: no credential");
    assertThat(stub.requests).isEmpty();
  }

  @Test
  void sendsTheBearerTokenToArmButNeverPutsItInFactsOrFailures() throws Exception {
    stub.failAlways(Stubs.NSG, StubFault.status(403, "AuthorizationFailed"));
    AzureFacts facts = Stubs.source(stub, credential).gather(Stubs.LB, Progress.none());

    assertThat(stub.authorizations).allMatch(a -> a.equals("Bearer " + TestCredential.TOKEN));
    assertThat(facts.toString()).doesNotContain(TestCredential.TOKEN).doesNotContain("Bearer");
  }
}
