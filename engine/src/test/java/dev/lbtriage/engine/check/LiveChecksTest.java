package dev.lbtriage.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveChecksTest {

  @Test
  void aTcpResultBecomesAFactWithOneLineOfEvidence() {
    CheckResult r = new CheckResult("TCP connect", "10.0.0.4:80", List.of(
        new CheckResult.Attempt(1, false, null, "timed out after 2000 ms"),
        new CheckResult.Attempt(2, false, null, "timed out after 2000 ms")));
    LiveCheck c = LiveChecks.tcp("10.0.0.4", 80, r);
    assertThat(c).extracting(LiveCheck::host, LiveCheck::port, LiveCheck::kind, LiveCheck::sent, LiveCheck::received)
        .containsExactly("10.0.0.4", 80, "tcp", 2, 0);
    assertThat(c.silent()).isTrue();
    assertThat(c.answered()).isFalse();
    assertThat(c.summary()).isEqualTo("TCP connect to 10.0.0.4:80: Sent = 2, Received = 0, Lost = 2 (100% loss); timed out after 2000 ms")
        .doesNotContain("\n");
  }

  @Test
  void anHttpResultTakesHostAndPortFromTheUrl() {
    CheckResult r = new CheckResult("HTTP GET", "http://10.0.0.4/health", List.of(
        new CheckResult.Attempt(1, true, Duration.ofMillis(3), "HTTP 200"),
        new CheckResult.Attempt(2, false, Duration.ofMillis(5), "HTTP 503")));
    LiveCheck c = LiveChecks.http(URI.create("http://10.0.0.4/health"), r);
    assertThat(c).extracting(LiveCheck::host, LiveCheck::port, LiveCheck::kind, LiveCheck::sent, LiveCheck::received)
        .containsExactly("10.0.0.4", 80, "http", 2, 1);
    assertThat(c.answered()).isTrue();
    assertThat(c.summary()).contains("Received = 1", "Average = 3.00ms", "; HTTP 503");
    assertThat(LiveChecks.http(URI.create("https://10.0.0.4:8443/"), r).port()).isEqualTo(8443);
    assertThat(LiveChecks.http(URI.create("https://10.0.0.4/"), r).port()).isEqualTo(443);
  }
}
