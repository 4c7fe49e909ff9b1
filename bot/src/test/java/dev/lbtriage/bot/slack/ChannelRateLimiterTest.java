package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChannelRateLimiterTest {

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final List<Duration> waits = new ArrayList<>();
  final ChannelRateLimiter limiter = new ChannelRateLimiter(Duration.ofSeconds(1), clock::get, d -> {
    waits.add(d);
    clock.addAndGet(d.toNanos());
  });

  @Test
  void oneMessagePerSecondPerChannel() throws InterruptedException {
    limiter.acquire("C1");
    limiter.acquire("C1");
    limiter.acquire("C1");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void channelsDoNotWaitForEachOther() throws InterruptedException {
    limiter.acquire("C1");
    limiter.acquire("C2");
    assertThat(waits).isEmpty();
    assertThat(limiter.wouldWait("C1")).isTrue();
    assertThat(limiter.wouldWait("C3")).isFalse();
  }

  @Test
  void aQuietChannelSendsAtOnce() throws InterruptedException {
    limiter.acquire("C1");
    clock.addAndGet(Duration.ofMillis(1500).toNanos());
    limiter.acquire("C1");
    assertThat(waits).isEmpty();
  }

  @Test
  void retryAfterIsReadInSecondsAndBounded() {
    assertThat(SlackPoster.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(SlackPoster.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SlackPoster.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    assertThat(SlackPoster.retryAfter("100000")).isEqualTo(Duration.ofSeconds(300));
  }
}
