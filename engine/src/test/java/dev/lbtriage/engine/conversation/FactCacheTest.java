package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fact cache loads per key, shares one read per key, expires on the injected clock and forgets on demand. */
class FactCacheTest {
  static final SnapshotReader READER = new SnapshotReader(Chat.snapshot("internal-basic"));
  static final String LB = READER.loadBalancers().get(0).name();

  /** A source whose key "slow" blocks until released; every key reads the one real load balancer. */
  static final class SlowSource implements FactSource {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    volatile boolean failNext;

    @Override
    public List<LoadBalancerSummary> loadBalancers() {
      return READER.loadBalancers();
    }

    @Override
    public AzureFacts gather(String key, Progress progress) {
      reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (failNext) {
        failNext = false;
        throw new IllegalArgumentException("no load balancer " + key);
      }
      if (key.equals("slow")) {
        entered.countDown();
        await(release);
      }
      return READER.gather(LB, progress);
    }

    @Override
    public String describe() {
      return "slow test source";
    }

    int reads(String key) {
      return reads.getOrDefault(key, new AtomicInteger()).get();
    }
  }

  @Test
  void a_slow_read_of_one_load_balancer_does_not_block_another() throws Exception {
    SlowSource source = new SlowSource();
    FactCache cache = new FactCache(source, Clock.systemUTC());
    CompletableFuture<AzureFacts> slow = CompletableFuture.supplyAsync(() -> cache.get("slow", r -> {}));
    await(source.entered);

    AzureFacts other = cache.get("other", r -> {});   // would wait on the slow read under a global lock

    assertThat(other.loadBalancers()).isNotEmpty();
    assertThat(slow).isNotDone();
    assertThat(cache.has("slow")).isFalse();
    source.release.countDown();
    assertThat(slow.get(60, TimeUnit.SECONDS).loadBalancers()).isNotEmpty();
    assertThat(cache.has("slow")).isTrue();
  }

  @Test
  void two_turns_that_need_the_same_load_balancer_share_one_read() throws Exception {
    SlowSource source = new SlowSource();
    FactCache cache = new FactCache(source, Clock.systemUTC());
    CompletableFuture<AzureFacts> first = CompletableFuture.supplyAsync(() -> cache.get("slow", r -> {}));
    await(source.entered);
    CompletableFuture<AzureFacts> second = CompletableFuture.supplyAsync(() -> cache.get("slow", r -> {}));
    source.release.countDown();

    assertThat(second.get(60, TimeUnit.SECONDS)).isSameAs(first.get(60, TimeUnit.SECONDS));
    assertThat(source.reads("slow")).isEqualTo(1);
  }

  @Test
  void facts_expire_on_the_injected_clock_and_forget_forces_a_fresh_read() {
    SlowSource source = new SlowSource();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    FactCache cache = new FactCache(source, clock, Duration.ofMinutes(10));
    cache.get("lb", r -> {});
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    cache.get("lb", r -> {});
    assertThat(source.reads("lb")).isEqualTo(1);

    clock.now = clock.now.plus(Duration.ofMinutes(2));
    cache.get("lb", r -> {});
    assertThat(source.reads("lb")).isEqualTo(2);

    cache.forget("lb");
    assertThat(cache.has("lb")).isFalse();
    cache.get("lb", r -> {});
    assertThat(source.reads("lb")).isEqualTo(3);
  }

  @Test
  void a_failed_read_is_not_kept() {
    SlowSource source = new SlowSource();
    FactCache cache = new FactCache(source, Clock.systemUTC());
    source.failNext = true;
    assertThatThrownBy(() -> cache.get("lb", r -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThat(cache.get("lb", r -> {}).loadBalancers()).isNotEmpty();
    assertThat(source.reads("lb")).isEqualTo(2);
  }

  @Test
  void refresh_and_restart_read_the_facts_again() {
    SlowSource source = new SlowSource();
    Chat chat = new Chat(source);
    chat.say("my health probe shows all backends down");
    int before = source.reads.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(before).isPositive();
    chat.say("I don't know");
    assertThat(source.reads.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(before);

    chat.say("refresh");

    assertThat(source.reads.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(before + 1);
    assertThat(chat.text()).contains("again from the slow test source");
    assertThat(chat.prompt()).isPresent();
    chat.say("restart").say("my health probe shows all backends down");
    assertThat(source.reads.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(before + 2);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gave up waiting");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
