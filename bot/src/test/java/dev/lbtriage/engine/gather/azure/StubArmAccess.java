package dev.lbtriage.engine.gather.azure;

import com.azure.core.credential.TokenCredential;
import java.nio.file.Path;

/**
 * The engine's stub Resource Manager (from its test-jar) for the CLI's tests: it lives in the
 * stub's package because {@link StubArm}, {@link Stubs} and {@link TestCredential} are
 * package-private there. The scenario folder is read from the engine's sources, not the jar.
 */
public final class StubArmAccess implements AutoCloseable {

  /** The stub's natrules scenario, which is also a snapshot folder. */
  public static final Path NATRULES = Path.of("..", "engine", "src", "test", "resources", "arm-stub", "natrules");
  public static final String SUBSCRIPTION = Stubs.SUB;
  public static final String LB = Stubs.LB;
  public static final String NSG = Stubs.NSG;
  /** The bearer token the stub accepts (a secret no output may hold). */
  public static final String TOKEN = TestCredential.TOKEN;
  public static final java.util.List<String> NICS = java.util.List.of(Stubs.NIC1, Stubs.NIC2);

  private final StubArm stub;

  private StubArmAccess(StubArm stub) {
    this.stub = stub;
  }

  public static StubArmAccess start(Path scenario) throws Exception {
    return new StubArmAccess(new StubArm(scenario));
  }

  /** {@code https://127.0.0.1:PORT/}, with a self-signed certificate only {@link #options()} trusts. */
  public String endpoint() {
    return stub.endpoint();
  }

  /** Every request to this ARM id gets this status and ARM error code. */
  public void failAlways(String id, int status, String code) {
    stub.failAlways(id, StubFault.status(status, code));
  }

  /** The credential whose token the stub accepts. */
  public static TokenCredential credential() {
    return new TestCredential();
  }

  /** Read options with an HTTP client trusting the stub's certificate and tiny retry and poll delays. */
  public static AzureReadOptions options() throws Exception {
    return Stubs.options();
  }

  public long requests() {
    return stub.requests.size();
  }

  /** Requests with any method but GET, except the read-style POSTs lb-triage may send. */
  public long writes() {
    return stub.requests.stream().filter(r -> !r.startsWith("GET ") && !r.endsWith("/effectiveNetworkSecurityGroups")
        && !r.endsWith("/effectiveRouteTable")).count();
  }

  @Override
  public void close() {
    stub.close();
  }
}
