package dev.lbtriage.bot.testing;

import java.time.Duration;

/**
 * Waits for a condition on what a test can observe (output printed, calls received, rows stored) by polling it
 * up to a generous bound: no fixed sleeps in tests. The bound only limits how long a failing test hangs; a
 * passing test returns as soon as the condition holds, so a loaded machine makes it slower, never red.
 * Shared by the terminal, Slack and Teams tests (test scope only; no face imports another's package).
 */
public final class Eventually {
  /** How long a condition may take to hold before the test fails: long enough for a machine under heavy load. */
  public static final Duration WAIT = Duration.ofSeconds(60);

  private Eventually() {}

  /** Runs {@code assertion} until it passes, for at most {@link #WAIT}; the last failure when it never does. */
  public static void eventually(Runnable assertion) {
    eventually(WAIT, assertion);
  }

  /** Runs {@code assertion} until it passes, for at most {@code timeout}; the last failure when it never does. */
  public static void eventually(Duration timeout, Runnable assertion) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
