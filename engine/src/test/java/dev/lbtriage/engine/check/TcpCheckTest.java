package dev.lbtriage.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpCheckTest {

  private static final CheckLimits QUICK = new CheckLimits(3, Duration.ofSeconds(2), Duration.ZERO);

  @Test
  void aListeningPortAnswersEveryAttempt() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CheckResult result = new TcpCheck("127.0.0.1", server.getLocalPort(), QUICK).run();

      assertThat(result.sent()).isEqualTo(3);
      assertThat(result.received()).isEqualTo(3);
      assertThat(result.lost()).isZero();
      assertThat(result.attempts()).allSatisfy(a -> assertThat(a.detail()).isEqualTo("connected"));
      assertThat(result.minimum().orElseThrow()).isLessThanOrEqualTo(result.average().orElseThrow());
      assertThat(result.average().orElseThrow()).isLessThanOrEqualTo(result.maximum().orElseThrow());
      assertThat(result.summary()).contains("TCP connect to 127.0.0.1:" + server.getLocalPort(),
          "Sent = 3, Received = 3, Lost = 0 (0% loss)", "Minimum = ", "Average = ");
    }
  }

  @Test
  void aClosedPortLosesEveryAttempt() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }
    CheckResult result = new TcpCheck("127.0.0.1", port, QUICK).run();

    assertThat(result.received()).isZero();
    assertThat(result.lost()).isEqualTo(3);
    assertThat(result.attempts()).allSatisfy(a -> assertThat(a.detail()).startsWith("refused"));
    assertThat(result.minimum()).isEmpty();
    assertThat(result.summary()).contains("Lost = 3 (100% loss)").doesNotContain("Minimum");
  }

  @Test
  void limitsAreEnforced() {
    assertThatThrownBy(() -> new CheckLimits(21, Duration.ofSeconds(2), Duration.ZERO)).hasMessageContaining("1..20");
    assertThatThrownBy(() -> new CheckLimits(1, Duration.ofSeconds(11), Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> new CheckLimits(1, Duration.ZERO, Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> new TcpCheck("127.0.0.1", 0, QUICK)).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> new TcpCheck(" ", 80, QUICK)).hasMessageContaining("host");
    assertThat(CheckLimits.defaults().timeout()).isEqualTo(Duration.ofSeconds(2));
  }
}
