package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lbtriage.bot.cli.Cli.Result;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code check} against servers this test starts on 127.0.0.1: an open and a closed TCP port, HTTP 200, 503 and a redirect. */
class CheckCommandTest {

  private static ServerSocket open;
  private static HttpServer http;
  private static final AtomicInteger accepted = new AtomicInteger();
  private static final List<String> httpRequests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!open.isClosed()) {
        try (var s = open.accept()) {
          accepted.incrementAndGet();
        } catch (Exception e) {
          return;
        }
      }
    }, "check-test-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      httpRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
      String path = ex.getRequestURI().getPath();
      int status = path.equals("/health") ? 200 : path.equals("/down") ? 503 : path.equals("/moved") ? 302 : 404;
      if (status == 302) {
        ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port(open) + "/health");
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    http.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    open.close();
    http.stop(0);
  }

  static int port(ServerSocket s) {
    return s.getLocalPort();
  }

  static String httpTarget() {
    return "127.0.0.1:" + http.getAddress().getPort();
  }

  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void an_open_port_receives_every_attempt_and_exits_0() throws Exception {
    int before = accepted.get();

    Result r = run("check", "127.0.0.1:" + port(open), "--count", "3", "--interval", "0");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("TCP connect to 127.0.0.1:" + port(open) + ":")
        .contains("   1: connected ").contains("   3: connected ")
        .contains("Sent = 3, Received = 3, Lost = 0 (0% loss)").contains("Minimum = ").contains("Average = ");
    assertThat(r.err()).isEmpty();
    assertThat(acceptedSince(before, 3)).isEqualTo(3);
  }

  /** Connections the server accepted since {@code before}, once at least {@code expected} were (accept runs on its own thread). */
  static int acceptedSince(int before, int expected) {
    eventually(() -> assertThat(accepted.get() - before).as("connections accepted").isGreaterThanOrEqualTo(expected));
    return accepted.get() - before;
  }

  @Test
  void a_closed_port_loses_every_attempt_and_exits_3() throws Exception {
    int port = closedPort();

    Result r = run("check", "127.0.0.1:" + port, "--count", "2", "--interval", "0", "--timeout", "1");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("   1: refused").contains("Sent = 2, Received = 0, Lost = 2 (100% loss)")
        .doesNotContain("Minimum");
  }

  @Test
  void http_200_is_received_and_json_has_the_counts_and_each_attempt() {
    int before = httpRequests.size();

    Result r = run("check", httpTarget(), "--http", "/health", "--count", "2", "--interval", "0", "--format", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.path("kind").asText()).isEqualTo("HTTP GET");
    assertThat(j.path("target").asText()).isEqualTo("http://" + httpTarget() + "/health");
    assertThat(j.path("sent").asInt()).isEqualTo(2);
    assertThat(j.path("received").asInt()).isEqualTo(2);
    assertThat(j.path("lost").asInt()).isZero();
    assertThat(j.path("lossPercent").asInt()).isZero();
    assertThat(j.path("attempts")).hasSize(2).allSatisfy(a -> {
      assertThat(a.path("ok").asBoolean()).isTrue();
      assertThat(a.path("detail").asText()).isEqualTo("HTTP 200");
      assertThat(a.path("latencyMs").asDouble()).isPositive();
    });
    assertThat(j.path("averageMs").isNumber()).isTrue();
    assertThat(httpRequests.subList(before, httpRequests.size())).containsExactly("GET /health", "GET /health");
  }

  @Test
  void http_503_counts_as_lost_like_a_load_balancer_probe_and_exits_3() {
    Result r = run("check", httpTarget(), "--http", "down", "--count", "2", "--interval", "0");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).startsWith("HTTP GET to http://" + httpTarget() + "/down:")
        .contains("   1: HTTP 503 ").contains("Sent = 2, Received = 0, Lost = 2 (100% loss)");
  }

  @Test
  void a_redirect_is_not_followed_so_only_the_given_address_is_contacted() {
    int before = httpRequests.size();
    int acceptedBefore = accepted.get();

    Result r = run("check", httpTarget(), "--http", "/moved", "--count", "1", "--format", "json");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.json().path("attempts").get(0).path("detail").asText()).isEqualTo("HTTP 302");
    assertThat(httpRequests.subList(before, httpRequests.size())).containsExactly("GET /moved");
    assertThat(accepted.get()).isEqualTo(acceptedBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no port               | 10.0.0.4                              | is not HOST:PORT",
      "port not a number     | 10.0.0.4:http                         | is not HOST:PORT",
      "port out of range     | 10.0.0.4:70000                        | port must be 1..65535",
      "port zero             | 10.0.0.4:0                            | port must be 1..65535",
      "a range               | 10.0.0.4:80-90                        | is not HOST:PORT",
      "a CIDR                | 10.0.0.0/24:80                        | is not HOST:PORT",
      "two hosts             | 10.0.0.4,10.0.0.5:80                  | is not HOST:PORT",
      "bare IPv6             | fd00::4:80                            | in brackets",
      "count above 20        | 127.0.0.1:80 --count 21               | --count must be 1..20",
      "count zero            | 127.0.0.1:80 --count 0                | --count must be 1..20",
      "timeout above 10 s    | 127.0.0.1:80 --timeout 11             | --timeout must be",
      "http path with a host | 127.0.0.1:80 --http http://evil/      | --http takes a path",
      "http path with //     | 127.0.0.1:80 --http //evil/x          | --http takes a path",
  })
  void bad_input_exits_2_with_one_line_and_contacts_nothing(String name, String args, String expected) {
    int acceptedBefore = accepted.get();
    int httpBefore = httpRequests.size();

    Result r = run(("check " + args).split(" "));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains(expected);
    assertThat(accepted.get()).isEqualTo(acceptedBefore);
    assertThat(httpRequests).hasSize(httpBefore);
  }

  @Test
  void a_bracketed_ipv6_literal_is_one_host() {
    assertThat(CheckCommand.HostPort.parse("[::1]:443")).isEqualTo(new CheckCommand.HostPort("::1", 443));
    assertThat(CheckCommand.url(new CheckCommand.HostPort("::1", 8080), "/h?x=1").toString()).isEqualTo("http://[::1]:8080/h?x=1");
  }

  @Test
  void help_shows_the_limits_and_exit_codes() {
    Result r = run("check", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: lb-triage check").contains("HOST:PORT").contains("--http=PATH")
        .contains("--count=N").contains("1 to 20").contains("3 some or all lost");
  }
}
