package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nothing but GET and the documented read-style POSTs leaves the process, through the very pipeline the source uses. */
class ReadOnlyPolicyTest {

  private static StubArm stub;
  private static final TestCredential credential = new TestCredential();
  private static HttpPipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    stub = new StubArm(Stubs.natrules());
    pipeline = ArmClient.pipeline(Stubs.cloud(stub), credential, Stubs.options());
  }

  @BeforeEach
  void forget() {
    stub.requests.clear();
    credential.scopes.clear();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  private String url(String path) {
    return stub.endpoint() + path.substring(1) + "?api-version=2024-05-01";
  }

  @ParameterizedTest
  @CsvSource({"PUT,", "PATCH,", "DELETE,", "POST,/start", "POST,/restart", "POST,/deallocate", "HEAD,", "OPTIONS,",
      "TRACE,", "POST,/effectiveRouteTable/x", "POST,/notEffectiveRouteTables"})
  void refusesWritesAndOtherActionsBeforeSending(String method, String suffix) {
    String path = Stubs.VM1 + (suffix == null ? "" : suffix);
    HttpRequest request = new HttpRequest(HttpMethod.valueOf(method), url(path));

    assertThatThrownBy(() -> pipeline.sendSync(request, Context.NONE)).isInstanceOf(ReadOnlyViolationException.class)
        .hasMessageContaining("refused " + method);
    assertThatThrownBy(() -> pipeline.send(request).block()).isInstanceOf(ReadOnlyViolationException.class);
    assertThat(stub.requests).as("nothing reached the server").isEmpty();
    assertThat(credential.scopes).as("no token was even asked for").isEmpty();
  }

  @Test
  void letsGetAndTheReadStylePostsThrough() {
    String watcher = Stubs.RG + "/providers/Microsoft.Network/networkWatchers/nw";
    for (HttpRequest r : new HttpRequest[] {new HttpRequest(HttpMethod.GET, url(Stubs.NIC1)),
        new HttpRequest(HttpMethod.POST, url(Stubs.NIC1 + "/effectiveNetworkSecurityGroups")),
        new HttpRequest(HttpMethod.POST, url(Stubs.NIC1 + "/effectiveRouteTable")),
        new HttpRequest(HttpMethod.POST, url(watcher + "/ipFlowVerify")),
        new HttpRequest(HttpMethod.POST, url(watcher + "/nextHop"))}) {
      try (HttpResponse response = pipeline.sendSync(r, Context.NONE)) {
        assertThat(response.getStatusCode()).isIn(200, 202, 404);
      }
    }
    assertThat(stub.requests).hasSize(5).allMatch(r -> r.startsWith("GET ") || r.startsWith("POST "));
  }

  @Test
  void aWholeGatherSendsOnlyAllowedMethods() throws Exception {
    Stubs.source(stub, credential).gather(Stubs.LB, dev.lbtriage.engine.gather.Progress.none());

    assertThat(stub.requests).isNotEmpty().allSatisfy(r -> {
      String[] parts = r.split(" ", 2);
      assertThat(ReadOnlyPolicy.allowed(HttpMethod.valueOf(parts[0]), parts[1])).as(r).isTrue();
    });
  }

  @Test
  void neverAddressesAnotherHostSoTheTokenCannotLeak() {
    String port = stub.endpoint().replaceAll(".*:(\\d+)/$", "$1");
    for (String url : new String[] {"https://elsewhere.invalid/subscriptions?api-version=1",
        "https://127.0.0.1:1" + port + "/subscriptions", "http://127.0.0.1:" + port + "/subscriptions"}) {
      assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE))
          .as(url).isInstanceOf(IllegalStateException.class).hasMessageContaining("lb-triage only talks to");
    }
    assertThat(stub.requests).isEmpty();
    assertThat(credential.scopes).isEmpty();
  }

  @Test
  void allowedIsDecidedOnThePathWithoutTheQuery() {
    assertThat(ReadOnlyPolicy.allowed(HttpMethod.GET, "/anything")).isTrue();
    assertThat(ReadOnlyPolicy.allowed(HttpMethod.POST, Stubs.NIC1 + "/EFFECTIVEROUTETABLE/")).isTrue();
    assertThat(ReadOnlyPolicy.allowed(HttpMethod.POST, Stubs.VM1 + "/powerOff")).isFalse();
    assertThat(ReadOnlyPolicy.allowed(HttpMethod.POST, null)).isFalse();
    assertThat(ReadOnlyPolicy.allowed(HttpMethod.PUT, Stubs.NIC1 + "/effectiveRouteTable")).isFalse();
  }
}
