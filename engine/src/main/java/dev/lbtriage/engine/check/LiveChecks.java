package dev.lbtriage.engine.check;

import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Turns a {@link CheckResult} into the {@link LiveCheck} fact the diagnosis rules use. */
public final class LiveChecks {
  private LiveChecks() {}

  /** A {@link TcpCheck}'s result to {@code host:port}. */
  public static LiveCheck tcp(String host, int port, CheckResult result) {
    return of(result, host, port, LiveCheck.TCP);
  }

  /** An {@link HttpCheck}'s result to {@code url}; the port is the URL's, else 80 for http and 443 for https. */
  public static LiveCheck http(URI url, CheckResult result) {
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    LiveCheck c = of(result, url.getHost(), port, LiveCheck.HTTP);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return new LiveCheck(c.host(), c.port(), c.kind(), c.sent(), c.received(), c.summary(), path, lastStatus(result));
  }

  /** The last HTTP status among the attempts ({@code HTTP 404} details), null when none got a response. */
  static Integer lastStatus(CheckResult result) {
    Integer status = null;
    for (CheckResult.Attempt a : result.attempts()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^HTTP (\\d{3})\\b").matcher(a.detail() == null ? "" : a.detail());
      if (m.find()) {
        status = Integer.valueOf(m.group(1));
      }
    }
    return status;
  }

  /**
   * @param kind {@link LiveCheck#TCP} or {@link LiveCheck#HTTP}
   */
  public static LiveCheck of(CheckResult result, String host, int port, String kind) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(host, "host");
    return new LiveCheck(host, port, kind, result.sent(), result.received(), oneLine(result));
  }

  /**
   * The statistics on one line, with the distinct failures, e.g.
   * {@code TCP connect to 10.0.0.4:80: Sent = 4, Received = 0, Lost = 4 (100% loss); timed out after 2000 ms}.
   */
  static String oneLine(CheckResult r) {
    int lossPercent = r.sent() == 0 ? 0 : Math.round(100f * r.lost() / r.sent());
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s to %s: Sent = %d, Received = %d, Lost = %d (%d%% loss)",
        r.kind(), r.target(), r.sent(), r.received(), r.lost(), lossPercent));
    r.average().ifPresent(avg -> b.append(", Average = ").append(ms(avg)));
    String failures = String.join(", ", r.attempts().stream().filter(a -> !a.ok()).map(CheckResult.Attempt::detail).distinct().toList());
    if (!failures.isEmpty()) {
      b.append("; ").append(failures);
    }
    return b.toString();
  }

  private static String ms(Duration d) {
    return String.format(Locale.ROOT, "%.2fms", d.toNanos() / 1_000_000.0);
  }
}
