package dev.lbtriage.bot.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * About one outgoing message per interval per channel (Slack allows roughly one per second per channel). Callers
 * for a channel are given consecutive slots; a caller whose slot is in the future waits for it. Thread-safe; the
 * clock and the sleeper are injected for tests.
 */
public final class ChannelRateLimiter {

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private final Map<String, Long> nextSlot = new HashMap<>();

  public ChannelRateLimiter(Duration interval, LongSupplier nanoClock, Sleeper sleeper) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("negative interval: " + interval);
    }
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** One message per second per channel on the real clock. */
  public static ChannelRateLimiter perSecond() {
    return new ChannelRateLimiter(Duration.ofSeconds(1), System::nanoTime, Sleeper.REAL);
  }

  /** Waits until this channel may send again, and takes the slot. */
  public void acquire(String channel) throws InterruptedException {
    long wait = reserve(channel);
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }

  /** Whether the channel could send now without waiting (no slot is taken). */
  public synchronized boolean wouldWait(String channel) {
    Long slot = nextSlot.get(channel);
    return slot != null && slot - nanoClock.getAsLong() > 0;
  }

  private synchronized long reserve(String channel) {
    long now = nanoClock.getAsLong();
    Long slot = nextSlot.get(channel);
    long mine = slot == null || slot - now < 0 ? now : slot;
    nextSlot.put(channel, mine + intervalNanos);
    if (nextSlot.size() > 10_000) {
      nextSlot.values().removeIf(s -> s - now < 0);
    }
    return mine - now;
  }
}
