package dev.lbtriage.bot.slack;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a bounded pool, one at a time and in submission order per key (one Slack thread's turns stay in
 * order), different keys in parallel. At most {@code maxPending} tasks wait in all; beyond that {@link #submit}
 * refuses with {@link RejectedExecutionException}.
 */
public final class KeyedSerialExecutor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeyedSerialExecutor.class);

  private final ExecutorService pool;
  private final int maxPending;
  private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();
  private int pending;

  public KeyedSerialExecutor(int threads, int maxPending) {
    this.maxPending = maxPending;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "slack-turn-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues the task behind earlier tasks of the same key. */
  public void submit(String key, Runnable task) {
    boolean start;
    synchronized (this) {
      if (pending >= maxPending) {
        throw new RejectedExecutionException("too many turns waiting (" + pending + ")");
      }
      pending++;
      ArrayDeque<Runnable> queue = queues.get(key);
      start = queue == null;
      if (start) {
        queue = new ArrayDeque<>();
        queues.put(key, queue);
      }
      queue.add(task);
    }
    if (start) {
      pool.execute(() -> drain(key));
    }
  }

  private void drain(String key) {
    while (true) {
      Runnable next;
      synchronized (this) {
        ArrayDeque<Runnable> queue = queues.get(key);
        next = queue.poll();
        if (next == null) {
          queues.remove(key);
          return;
        }
        pending--;
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.error("A turn failed for {}: {}", key, e.toString(), e);
      }
    }
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
