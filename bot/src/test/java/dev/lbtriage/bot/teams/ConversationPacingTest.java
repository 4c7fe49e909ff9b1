package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Teams' per-thread limits on a fake clock: 7 a second, 8 in 2 s, 60 in 30 s; other threads are not held up. */
class ConversationPacingTest {
  final AtomicLong now = new AtomicLong(0);
  final ConversationPacing pacing = new ConversationPacing(ConversationPacing.TEAMS, now::get);

  @Test
  void seven_go_at_once_the_eighth_waits_a_second_the_ninth_two() {
    for (int i = 0; i < 7; i++) {
      assertThat(pacing.reserve("t1")).isZero();
    }
    assertThat(pacing.wouldWait("t1")).isTrue();
    assertThat(pacing.reserve("t1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacing.reserve("t1")).isEqualTo(Duration.ofSeconds(2));
    assertThat(pacing.reserve("t2")).isZero();
    assertThat(pacing.wouldWait("t2")).isFalse();
  }

  @Test
  void sixty_in_thirty_seconds_at_most() {
    Duration last = Duration.ZERO;
    for (int i = 0; i < 61; i++) {
      last = pacing.reserve("t1");
      now.addAndGet(Duration.ofMillis(100).toNanos());
    }
    // the 61st slot is 30 s after the first, which was booked at 0; it is asked for at 6.0 s
    assertThat(last).isGreaterThanOrEqualTo(Duration.ofSeconds(24));
  }
}
