package dev.lbtriage.bot.teams;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work off the request thread: one at a time and in order per key (one thread's turns), keys in parallel on
 * a small pool; at most {@code maxPending} tasks wait in all, beyond that {@link #submit} refuses.
 */
final class SerialTurns implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SerialTurns.class);

  private final ExecutorService pool;
  private final int maxPending;
  private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
  private int pending;

  SerialTurns(int workers, int maxPending) {
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "teams-turn");
      t.setDaemon(true);
      return t;
    });
    this.maxPending = maxPending;
  }

  synchronized void submit(String key, Runnable work) {
    if (pending >= maxPending) {
      throw new RejectedExecutionException(pending + " turns already waiting");
    }
    pending++;
    CompletableFuture<Void> previous = tails.getOrDefault(key, CompletableFuture.completedFuture(null));
    CompletableFuture<Void> next = previous.thenRunAsync(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("A Teams turn failed for {}", key, e);
      } finally {
        done();
      }
    }, pool);
    tails.put(key, next);
    next.whenComplete((v, e) -> forget(key, next));
  }

  private synchronized void done() {
    pending--;
  }

  private synchronized void forget(String key, CompletableFuture<Void> future) {
    tails.remove(key, future);
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }
}
