package dev.lbtriage.bot.teams;

import java.time.Duration;

/** Waits; tests record the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
