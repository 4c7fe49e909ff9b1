package dev.lbtriage.bot.teams;

import java.time.Duration;

/** Waits for an assertion to pass, polling, up to a bound: no fixed sleeps in tests. */
final class Eventually {
  static final Duration WAIT = Duration.ofSeconds(60);

  private Eventually() {}

  static void eventually(Runnable assertion) {
    long deadline = System.nanoTime() + WAIT.toNanos();
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
