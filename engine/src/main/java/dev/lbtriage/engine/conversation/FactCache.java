package dev.lbtriage.engine.conversation;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.rules.facts.AzureFacts;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The facts of the load balancers recently talked about, so a turn does not gather them again
 * (Caffeine). Loads per key: a live read of one load balancer (seconds) blocks only the turns that
 * need that load balancer, never another conversation's; two turns that need the same one share one
 * read. The read runs on the caller's thread, so its progress goes to that turn. Entries expire
 * {@link #TTL} after they were read, on the injected clock; {@link #forget} drops one at once
 * ({@code restart}, {@code refresh}). A failed read is not kept. Facts are never saved with a
 * session: after a restart of the process they are gathered anew.
 */
final class FactCache {
  /** How long gathered facts are used before they are read again. */
  static final Duration TTL = Duration.ofMinutes(10);
  private static final int MAX = 8;
  private final FactSource source;
  private final AsyncCache<String, AzureFacts> facts;

  FactCache(FactSource source) {
    this(source, Clock.systemUTC());
  }

  FactCache(FactSource source, Clock clock) {
    this(source, clock, TTL);
  }

  FactCache(FactSource source, Clock clock, Duration ttl) {
    this.source = source;
    Ticker ticker = () -> {
      java.time.Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
    this.facts = Caffeine.newBuilder().maximumSize(MAX).expireAfterWrite(ttl).ticker(ticker).executor(Runnable::run).buildAsync();
  }

  FactSource source() {
    return source;
  }

  /** Whether the facts of this load balancer are at hand (no gather needed). */
  boolean has(String lbId) {
    CompletableFuture<AzureFacts> f = facts.getIfPresent(lbId);
    return f != null && f.isDone() && !f.isCompletedExceptionally();
  }

  /** Drops the facts of a load balancer, so the next turn that needs them reads them afresh. */
  void forget(String lbId) {
    if (lbId != null) {
      facts.synchronous().invalidate(lbId);
    }
  }

  /**
   * The facts of a load balancer, gathered with progress sent to {@code live} when not at hand.
   *
   * @throws IllegalArgumentException when the source does not know it
   */
  AzureFacts get(String lbId, Consumer<Reply> live) {
    CompletableFuture<AzureFacts> mine = new CompletableFuture<>();
    CompletableFuture<AzureFacts> held = facts.asMap().putIfAbsent(lbId, mine);
    if (held == null) {
      try {
        mine.complete(source.gather(lbId, (step, done, total) -> live.accept(new Reply.ProgressUpdate(step, done, total))));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        facts.asMap().remove(lbId, mine);
        throw e;
      }
      return mine.join();
    }
    try {
      return held.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
