package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.MissingFact;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the live read asks for HTTP/2 and multiplexes every request of a gather, and of the next, over one
 * connection when the server agrees (as Resource Manager does); it speaks HTTP/1.1 to a server that offers no
 * {@code h2}; retries and the read-only guard are the same either way.
 */
class Http2TransportTest {

  private final TestCredential credential = new TestCredential();

  private static HttpClient client() throws Exception {
    return ArmHttpClients.preferringHttp2(java.net.http.HttpClient.newBuilder().sslContext(SelfSignedTls.context()),
        Duration.ofSeconds(5));
  }

  private static AzureFactSource source(StubArm stub, HttpClient client) throws Exception {
    return new AzureFactSource(Stubs.cloud(stub), new TestCredential(), Stubs.options().withHttpClient(client));
  }

  private static AzureFacts snapshot() throws Exception {
    return new SnapshotReader(Stubs.natrules()).gather(Stubs.LB, Progress.none());
  }

  @Test
  void twoGathersOverOneHttp2ConnectionGiveTheSnapshotsFacts() throws Exception {
    HttpClient client = client();
    try (StubArm stub = StubArm.http2(Stubs.natrules())) {
      AzureFacts first = source(stub, client).gather(Stubs.LB, Progress.none());
      int afterFirst = stub.requests.size();
      AzureFacts second = source(stub, client).gather(Stubs.LB, Progress.none());

      assertThat(first).isEqualTo(snapshot());
      assertThat(second).isEqualTo(first);
      assertThat(afterFirst).as("a gather reads the load balancer, NICs, VMs... and polls its actions").isGreaterThan(10);
      assertThat(stub.protocols).hasSize(stub.requests.size()).containsOnly("HTTP/2.0");
      assertThat(stub.connectionCount()).as("one multiplexed connection for both gathers").isEqualTo(1);
      assertThat(stub.maxInFlight.get()).as("requests overlapped on that connection").isGreaterThan(1);
    }
  }

  @Test
  void aServerWithoutHttp2IsSpokenToInHttp11() throws Exception {
    try (StubArm stub = new StubArm(Stubs.natrules())) {
      AzureFacts facts = source(stub, client()).gather(Stubs.LB, Progress.none());

      assertThat(facts).isEqualTo(snapshot());
      assertThat(stub.protocols).isNotEmpty().containsOnly("HTTP/1.1");
    }
  }

  @Test
  void throttlingAndServerErrorsAreRetriedOverHttp2AsOverHttp11() throws Exception {
    try (StubArm stub = StubArm.http2(Stubs.natrules())) {
      stub.failNext(Stubs.NIC1, StubFault.throttled(0));
      stub.failAlways(Stubs.VM1, StubFault.status(500, "InternalServerError"));

      AzureFacts facts = source(stub, client()).gather(Stubs.LB, Progress.none());

      assertThat(stub.count("GET", Stubs.NIC1)).isEqualTo(2);
      assertThat(stub.count("GET", Stubs.VM1)).isEqualTo(1 + Stubs.MAX_RETRIES);
      assertThat(facts.networkInterfaces()).hasSize(2);
      assertThat(facts.missing()).containsExactly(new MissingFact("virtual-machine", Stubs.VM1, Stubs.NIC1,
          "could not read virtual-machine vmb9f0738985: 500 Internal Server Error (after retries) (InternalServerError)"));
      assertThat(stub.protocols).containsOnly("HTTP/2.0");
    }
  }

  @Test
  void theDefaultClientIsOnePerProcess() {
    assertThat(ArmHttpClients.shared()).isSameAs(ArmHttpClients.shared());
  }
}
