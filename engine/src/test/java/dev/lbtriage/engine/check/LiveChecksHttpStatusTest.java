package dev.lbtriage.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An HTTP check keeps the path it asked for and the status it got, so the rules can tell "404" from "no answer". */
class LiveChecksHttpStatusTest {

  @Test
  void the_last_http_status_and_the_path_are_kept() {
    CheckResult r = new CheckResult("HTTP GET", "http://10.0.0.4:8080/healthz", List.of(
        new CheckResult.Attempt(1, false, Duration.ofMillis(3), "HTTP 404"),
        new CheckResult.Attempt(2, false, Duration.ofMillis(2), "HTTP 404")));
    LiveCheck c = LiveChecks.http(URI.create("http://10.0.0.4:8080/healthz"), r);
    assertThat(c.path()).isEqualTo("/healthz");
    assertThat(c.httpStatus()).isEqualTo(404);
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.answered()).isTrue();
    assertThat(c.silent()).isFalse();
  }

  @Test
  void no_response_leaves_the_status_unknown_and_the_check_silent() {
    CheckResult r = new CheckResult("HTTP GET", "http://10.0.0.4/", List.of(
        new CheckResult.Attempt(1, false, null, "timed out after 2000 ms")));
    LiveCheck c = LiveChecks.http(URI.create("http://10.0.0.4"), r);
    assertThat(c.path()).isEqualTo("/");
    assertThat(c.httpStatus()).isNull();
    assertThat(c.silent()).isTrue();
  }
}
