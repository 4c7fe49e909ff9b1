package dev.lbtriage.engine.check;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The attempts of one check and PsPing-style statistics: sent, received, lost, and min/avg/max
 * latency of the attempts that succeeded.
 *
 * @param kind {@code TCP connect} or {@code HTTP GET}
 * @param target {@code host:port} or the URL
 */
public record CheckResult(String kind, String target, List<Attempt> attempts) {

  public CheckResult {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    attempts = List.copyOf(attempts);
  }

  /**
   * One attempt.
   *
   * @param number 1-based
   * @param ok true when it succeeded (TCP: connected; HTTP: status 200, as a load balancer probe wants)
   * @param latency time until connected or until the response status arrived (also for a failed HTTP status); null when nothing came
   * @param detail {@code connected}, {@code refused}, {@code timed out after 2000 ms}, {@code HTTP 503}...
   */
  public record Attempt(int number, boolean ok, Duration latency, String detail) {}

  public int sent() {
    return attempts.size();
  }

  public int received() {
    return (int) attempts.stream().filter(Attempt::ok).count();
  }

  public int lost() {
    return sent() - received();
  }

  public Optional<Duration> minimum() {
    return okLatencies().min(Duration::compareTo);
  }

  public Optional<Duration> maximum() {
    return okLatencies().max(Duration::compareTo);
  }

  public Optional<Duration> average() {
    List<Duration> ok = okLatencies().toList();
    return ok.isEmpty() ? Optional.empty()
        : Optional.of(Duration.ofNanos(ok.stream().mapToLong(Duration::toNanos).sum() / ok.size()));
  }

  private java.util.stream.Stream<Duration> okLatencies() {
    return attempts.stream().filter(Attempt::ok).map(Attempt::latency).filter(Objects::nonNull);
  }

  /** Every attempt and the statistics, as PsPing prints them. */
  public String summary() {
    StringBuilder b = new StringBuilder(kind).append(" to ").append(target).append(":\n");
    for (Attempt a : attempts) {
      b.append(String.format(Locale.ROOT, "  %2d: %s%s%n", a.number(), a.detail(),
          a.latency() == null ? "" : " " + ms(a.latency())));
    }
    int lossPercent = sent() == 0 ? 0 : Math.round(100f * lost() / sent());
    b.append(String.format(Locale.ROOT, "  Sent = %d, Received = %d, Lost = %d (%d%% loss)%n", sent(), received(), lost(),
        lossPercent));
    if (received() > 0) {
      b.append(String.format(Locale.ROOT, "  Minimum = %s, Maximum = %s, Average = %s%n", ms(minimum().orElseThrow()),
          ms(maximum().orElseThrow()), ms(average().orElseThrow())));
    }
    return b.toString();
  }

  private static String ms(Duration d) {
    return String.format(Locale.ROOT, "%.2fms", d.toNanos() / 1_000_000.0);
  }
}
