package dev.lbtriage.bot.slack;

import java.time.Duration;

/** Waits; injected so tests of rate limits and retries do not wait for real. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
