package dev.lbtriage.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCheckTest {

  private static final CheckLimits QUICK = new CheckLimits(2, Duration.ofSeconds(2), Duration.ZERO);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", ex -> {
      ex.sendResponseHeaders(200, 2);
      ex.getResponseBody().write("ok".getBytes());
      ex.close();
    });
    server.createContext("/down", ex -> {
      ex.sendResponseHeaders(503, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void status200IsReceived() {
    CheckResult result = new HttpCheck(url("/ok"), QUICK).run();

    assertThat(result.received()).isEqualTo(2);
    assertThat(result.attempts()).allSatisfy(a -> assertThat(a.detail()).isEqualTo("HTTP 200"));
    assertThat(result.summary()).contains("HTTP GET to " + url("/ok"), "Sent = 2, Received = 2, Lost = 0");
  }

  @Test
  void status503IsLostLikeAFailingProbe() {
    CheckResult result = new HttpCheck(url("/down"), QUICK).run();

    assertThat(result.lost()).isEqualTo(2);
    assertThat(result.attempts()).allSatisfy(a -> {
      assertThat(a.ok()).isFalse();
      assertThat(a.detail()).isEqualTo("HTTP 503");
      assertThat(a.latency()).isNotNull();
    });
  }

  @Test
  void aClosedPortIsRefused() throws Exception {
    URI closed = url("/ok");
    server.stop(0);

    CheckResult result = new HttpCheck(closed, new CheckLimits(1, Duration.ofSeconds(2), Duration.ZERO)).run();

    assertThat(result.lost()).isEqualTo(1);
    assertThat(result.attempts().get(0).detail()).startsWith("refused");
  }

  @Test
  void onlyAbsoluteHttpUrls() {
    assertThatThrownBy(() -> new HttpCheck(URI.create("ftp://127.0.0.1/"), QUICK)).hasMessageContaining("http");
    assertThatThrownBy(() -> new HttpCheck(URI.create("/relative"), QUICK)).hasMessageContaining("http");
  }
}
