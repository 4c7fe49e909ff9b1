package dev.lbtriage.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * What a check may do: at most {@value #MAX_COUNT} attempts, each with a timeout of at most 10 s,
 * at most 5 s apart, against one port.
 *
 * @param count attempts, 1 to {@value #MAX_COUNT}
 * @param timeout per attempt, more than 0 and at most 10 s
 * @param interval pause between attempts, 0 to 5 s
 */
public record CheckLimits(int count, Duration timeout, Duration interval) {

  public static final int MAX_COUNT = 20;
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration MAX_INTERVAL = Duration.ofSeconds(5);

  public CheckLimits {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ", was " + count);
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be more than 0 and at most 10 s, was " + timeout);
    }
    if (interval.isNegative() || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException("interval must be 0..5 s, was " + interval);
    }
  }

  /** 4 attempts, 2 s timeout, 1 s apart (PsPing's defaults, with a shorter timeout). */
  public static CheckLimits defaults() {
    return new CheckLimits(4, Duration.ofSeconds(2), Duration.ofSeconds(1));
  }

  static void port(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
  }

  void pause(int attempt) {
    if (attempt < count && !interval.isZero()) {
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
