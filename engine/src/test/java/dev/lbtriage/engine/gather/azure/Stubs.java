package dev.lbtriage.engine.gather.azure;

import com.azure.core.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The natrules scenario and a live source pointed at a stub serving it, with tiny retry delays. */
final class Stubs {

  static final String SUB = "00000000-0000-0000-0000-000000000000";
  static final String RG = "/subscriptions/" + SUB + "/resourceGroups/rg164701";
  static final String LB = RG + "/providers/Microsoft.Network/loadBalancers/lb164701";
  static final String NIC1 = RG + "/providers/Microsoft.Network/networkInterfaces/nic28110592805";
  static final String NIC2 = RG + "/providers/Microsoft.Network/networkInterfaces/nic43187a6ecd2";
  static final String VM1 = RG + "/providers/Microsoft.Compute/virtualMachines/vmb9f0738985";
  static final String PIP = RG + "/providers/Microsoft.Network/publicIPAddresses/pipa164701";
  static final String VNET = RG + "/providers/Microsoft.Network/virtualNetworks/net164701";
  static final String SUBNET1 = VNET + "/subnets/subnet1";
  static final String NSG = RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg164701";
  static final String RT = RG + "/providers/Microsoft.Network/routeTables/rt164701";
  static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
  static final int MAX_RETRIES = 2;

  private Stubs() {}

  static Path natrules() throws Exception {
    return Path.of(Stubs.class.getResource("/arm-stub/natrules").toURI());
  }

  /** As the product's ({@link ArmHttpClients}): HTTP/2 asked, HTTP/1.1 where the stub offers no h2; trusts the stub. */
  static HttpClient httpClient() throws Exception {
    return ArmHttpClients.preferringHttp2(java.net.http.HttpClient.newBuilder().sslContext(SelfSignedTls.context()),
        Duration.ofSeconds(5));
  }

  static AzureReadOptions options() throws Exception {
    return AzureReadOptions.defaults()
        .withRetry(AzureReadOptions.retries(MAX_RETRIES, Duration.ofMillis(5), Duration.ofMillis(40)))
        .withPollInterval(Duration.ofMillis(10))
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
        .withParallelism(4)
        .withHttpClient(httpClient());
  }

  static AzureCloudConfig cloud(StubArm stub) {
    return AzureCloudConfig.custom(stub.endpoint(), "https://login.invalid/", null).withSubscription(SUB);
  }

  static AzureFactSource source(StubArm stub, TestCredential credential) throws Exception {
    return new AzureFactSource(cloud(stub), credential, options());
  }
}
