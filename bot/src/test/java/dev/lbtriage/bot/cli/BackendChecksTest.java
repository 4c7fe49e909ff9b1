package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.ProbeProtocol;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --live-check contacts only the load balancer's backends, on the ports its rules and probes use. */
class BackendChecksTest {
  static final String LB = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb";

  @Test
  void the_probe_port_that_listens_answers_and_the_closed_backend_port_stays_silent() throws Exception {
    try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket closedOnce = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int probePort = open.getLocalPort();
      int closedPort = closedOnce.getLocalPort();
      closedOnce.close();
      Thread acceptor = new Thread(() -> {
        try {
          while (!open.isClosed()) {
            open.accept().close();
          }
        } catch (Exception ignored) {
          // closed at the end of the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      AzureFacts facts = facts("127.0.0.1", probePort, closedPort);
      StringWriter err = new StringWriter();

      List<LiveCheck> checks = BackendChecks.run(facts, "lb", new PrintWriter(err));

      assertThat(checks).extracting(LiveCheck::port).containsExactly(probePort, closedPort);
      assertThat(checks.get(0).answered()).isTrue();
      assertThat(checks.get(1).silent()).isTrue();
      assertThat(checks).allMatch(c -> c.host().equals("127.0.0.1"));
      assertThat(err.toString()).contains("live check 1/2").contains("live check 2/2");
    }
  }

  @Test
  void an_http_probe_path_is_fetched_as_the_probe_does_and_its_status_is_kept() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/healthz") ? 404 : 200, -1);
      ex.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      AzureFacts tcp = facts("127.0.0.1", port, port);
      LoadBalancer lb = tcp.loadBalancers().get(0);
      HealthProbe http = new HealthProbe(lb.probes().get(0).id(), "p", LB, ProbeProtocol.HTTP, port, "/healthz", 5, 2, null,
          new Origin(LB, "lb.json"));
      AzureFacts facts = new AzureFacts(List.of(new LoadBalancer(lb.id(), lb.name(), lb.resourceGroup(), lb.location(), lb.sku(),
          lb.frontends(), List.of(http), lb.rules(), lb.natRules(), lb.pools(), lb.origin())), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
      StringWriter err = new StringWriter();

      List<LiveCheck> checks = BackendChecks.run(facts, "lb", new PrintWriter(err));

      assertThat(checks).filteredOn(c -> c.kind().equals(LiveCheck.HTTP)).singleElement().satisfies(c -> {
        assertThat(c.path()).isEqualTo("/healthz");
        assertThat(c.httpStatus()).isEqualTo(404);
        assertThat(c.answered()).isTrue();
      });
      assertThat(err.toString()).contains("http GET http://127.0.0.1:" + port + "/healthz: HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  static AzureFacts facts(String ip, int probePort, int backendPort) {
    String pool = LB + "/backendAddressPools/be";
    String probe = LB + "/probes/p";
    Origin o = new Origin(LB, "lb.json");
    LoadBalancer lb = new LoadBalancer(LB, "lb", "rg", "westus", LbSku.STANDARD,
        List.of(new Frontend(LB + "/frontendIPConfigurations/fe", "fe", LB, "10.0.1.4", null, null, null)),
        List.of(new HealthProbe(probe, "p", LB, ProbeProtocol.TCP, probePort, null, 5, 2, null, o)),
        List.of(new LoadBalancingRule(LB + "/loadBalancingRules/r", "r", LB, LB + "/frontendIPConfigurations/fe", List.of(pool),
            probe, TransportProtocol.TCP, 80, backendPort, false, o)),
        List.of(), List.of(new BackendPool(pool, "be", LB, List.of(new PoolMember(pool, null, ip, null, null, null, null)), o)), o);
    return new AzureFacts(List.of(lb), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
