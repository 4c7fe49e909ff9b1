package dev.lbtriage.engine.gather.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the live source reads.
 *
 * @param parallelism how many reads run at once (1 to 16); the long-running effective rules/routes actions,
 *     which mostly wait between polls, run beside them, up to 6 times as many (at most 48)
 * @param retry the SDK's retry options (429 {@code Retry-After}, 5xx, dropped connections)
 * @param pollInterval LRO poll interval when Azure gives no {@code Retry-After}
 * @param lroTimeout how long one effective-rules/routes operation may take
 * @param metricsWindow how far back metrics are read
 * @param clock what "now" is for the metrics window
 * @param httpClient the HTTP client; null means {@link ArmHttpClients#shared()} (HTTP/2 preferred, one per process)
 * @param verifyProbeFlows ask Network Watcher's IP flow verify about each backend VM's probe flow and compare
 *     with the offline NSG evaluation; only done when the subscription has a watcher in the load balancer's
 *     region (none: skipped quietly); false never asks
 */
public record AzureReadOptions(int parallelism, RetryOptions retry, Duration pollInterval, Duration lroTimeout,
    Duration metricsWindow, Clock clock, HttpClient httpClient, boolean verifyProbeFlows) {

  public AzureReadOptions {
    if (parallelism < 1 || parallelism > 16) {
      throw new IllegalArgumentException("parallelism must be 1..16, was " + parallelism);
    }
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(lroTimeout, "lroTimeout");
    Objects.requireNonNull(metricsWindow, "metricsWindow");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * 8 at once, 4 retries from 0.8 s up to 30 s, polls every 2 s for at most 2 min, last 30 min of metrics,
   * probe flows verified where a Network Watcher is in the region.
   */
  public static AzureReadOptions defaults() {
    return new AzureReadOptions(8, retries(4, Duration.ofMillis(800), Duration.ofSeconds(30)), Duration.ofSeconds(2),
        Duration.ofMinutes(2), Duration.ofMinutes(30), Clock.systemUTC(), null, true);
  }

  /** Exponential back-off; a {@code Retry-After} from Azure takes precedence over these delays. */
  public static RetryOptions retries(int max, Duration base, Duration maxDelay) {
    return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(max).setBaseDelay(base).setMaxDelay(maxDelay));
  }

  public AzureReadOptions withRetry(RetryOptions r) {
    return new AzureReadOptions(parallelism, r, pollInterval, lroTimeout, metricsWindow, clock, httpClient, verifyProbeFlows);
  }

  public AzureReadOptions withPollInterval(Duration d) {
    return new AzureReadOptions(parallelism, retry, d, lroTimeout, metricsWindow, clock, httpClient, verifyProbeFlows);
  }

  public AzureReadOptions withClock(Clock c) {
    return new AzureReadOptions(parallelism, retry, pollInterval, lroTimeout, metricsWindow, c, httpClient, verifyProbeFlows);
  }

  public AzureReadOptions withHttpClient(HttpClient c) {
    return new AzureReadOptions(parallelism, retry, pollInterval, lroTimeout, metricsWindow, clock, c, verifyProbeFlows);
  }

  public AzureReadOptions withParallelism(int p) {
    return new AzureReadOptions(p, retry, pollInterval, lroTimeout, metricsWindow, clock, httpClient, verifyProbeFlows);
  }

  /** False: never ask Network Watcher (true: ask where the region has a watcher). */
  public AzureReadOptions withVerifyProbeFlows(boolean v) {
    return new AzureReadOptions(parallelism, retry, pollInterval, lroTimeout, metricsWindow, clock, httpClient, v);
  }
}
