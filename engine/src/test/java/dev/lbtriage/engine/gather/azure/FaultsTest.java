package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.MissingFact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling, server errors, refusals, slowness and dropped connections: the gather completes and names what it lacks. */
class FaultsTest {

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

  private AzureFacts gather() throws Exception {
    return Stubs.source(stub, credential).gather(Stubs.LB, Progress.none());
  }

  private AzureFacts snapshot() throws Exception {
    return new SnapshotReader(Stubs.natrules()).gather(Stubs.LB, Progress.none());
  }

  @Test
  void throttlingIsRetriedAfterRetryAfter() throws Exception {
    stub.failNext(Stubs.NIC1, StubFault.throttled(1));
    long start = System.nanoTime();

    AzureFacts facts = gather();

    assertThat(facts).isEqualTo(snapshot());
    assertThat(stub.count("GET", Stubs.NIC1)).isEqualTo(2);
    assertThat((System.nanoTime() - start) / 1_000_000).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(900);
  }

  @Test
  void aServerErrorIsRetriedThenBecomesAMissingFact() throws Exception {
    stub.failAlways(Stubs.VM1, StubFault.status(500, "InternalServerError"));

    AzureFacts facts = gather();

    assertThat(stub.count("GET", Stubs.VM1)).isEqualTo(1 + Stubs.MAX_RETRIES);
    assertThat(facts.missing()).containsExactly(new MissingFact("virtual-machine", Stubs.VM1, Stubs.NIC1,
        "could not read virtual-machine vmb9f0738985: 500 Internal Server Error (after retries) (InternalServerError)"));
    assertThat(facts.virtualMachines()).hasSize(1);
    assertThat(facts.networkInterfaces()).hasSize(2);
  }

  @Test
  void aForbiddenNsgIsAMissingFactNamingIt() throws Exception {
    stub.failAlways(Stubs.NSG, StubFault.status(403, "AuthorizationFailed"));

    AzureFacts facts = gather();

    assertThat(stub.count("GET", Stubs.NSG)).as("403 is not retried").isEqualTo(1);
    assertThat(facts.missing()).containsExactly(new MissingFact("network-security-group", Stubs.NSG, Stubs.SUBNET1,
        "no permission to read network-security-group nsg164701: 403 Forbidden (AuthorizationFailed)"));
    assertThat(facts.networkSecurityGroups()).isEmpty();
    assertThat(facts.routeTables()).hasSize(1);
    assertThat(facts.effectiveSecurityRules()).hasSize(2);
  }

  @Test
  void aForbiddenEffectiveActionIsAMissingFactOfThatNic() throws Exception {
    stub.failAlways(Stubs.NIC2 + "/effectiveRouteTable", StubFault.status(403, "AuthorizationFailed"));

    AzureFacts facts = gather();

    assertThat(facts.missing()).containsExactly(new MissingFact("effective-routes", Stubs.NIC2, Stubs.NIC2,
        "no permission to read effective-routes nic43187a6ecd2: 403 Forbidden (AuthorizationFailed)"));
    assertThat(facts.effectiveRoutes()).hasSize(1);
    assertThat(facts.effectiveSecurityRules()).hasSize(2);
  }

  @Test
  void aSlowResponseIsWaitedFor() throws Exception {
    stub.failNext(Stubs.PIP, StubFault.slow(400));
    stub.failNext(Stubs.NIC2 + "/effectiveNetworkSecurityGroups", StubFault.slow(300));

    assertThat(gather()).isEqualTo(snapshot());
  }

  @Test
  void aDroppedConnectionIsRetried() throws Exception {
    // retried by the JDK HttpClient (idempotent GET) or else by the SDK's retry policy
    stub.failNext(Stubs.PIP, StubFault.dropped());

    assertThat(gather()).isEqualTo(snapshot());
    assertThat(stub.count("GET", Stubs.PIP)).isEqualTo(2);
  }

  @Test
  void aConnectionDroppedEveryTimeBecomesAMissingFact() throws Exception {
    stub.failAlways(Stubs.RT, StubFault.dropped());
    stub.failAlways(Stubs.VNET, StubFault.status(503, "ServerBusy"));

    AzureFacts facts = gather();

    assertThat(facts.missing()).extracting(MissingFact::kind, MissingFact::reference)
        .contains(org.assertj.core.groups.Tuple.tuple("subnet", Stubs.SUBNET1));
    assertThat(facts.missing()).filteredOn(m -> m.kind().equals("subnet"))
        .allSatisfy(m -> assertThat(m.reason()).contains("virtual-network net164701: 503 Service Unavailable"));
    assertThat(facts.networkInterfaces()).hasSize(2);
    assertThat(facts.virtualMachines()).hasSize(2);
  }

  @Test
  void aRouteTableWhoseConnectionAlwaysDropsIsNamed() throws Exception {
    stub.failAlways(Stubs.RT, StubFault.dropped());

    AzureFacts facts = gather();

    // each SDK attempt may reach the stub twice: the JDK HttpClient itself retries an idempotent GET once
    assertThat(stub.count("GET", Stubs.RT)).isBetween(1L + Stubs.MAX_RETRIES, 2L * (1 + Stubs.MAX_RETRIES));
    assertThat(facts.missing()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo("route-table");
      assertThat(m.reference()).isEqualTo(Stubs.RT);
      assertThat(m.reason()).startsWith("could not read route-table rt164701: no response (");
    });
    assertThat(facts.networkSecurityGroups()).hasSize(1);
  }
}
