package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.ArmId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs a round of reads at most {@code parallelism} at a time and reports {@code reading 14 NICs,
 * 2 VMs 9/16}; long-running actions run on a wider pool of their own, started early and awaited late. A read that throws becomes a failure with its reason; the round always completes.
 */
final class TaskRunner implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** At most this many long-running actions in flight, whatever the parallelism (see {@link #operationsInFlight}). */
  static final int MAX_OPERATIONS_IN_FLIGHT = 48;

  private final ExecutorService pool;
  private final int operationsInFlight;
  private ExecutorService operations;

  /**
   * {@code parallelism} reads at once; long-running actions, which spend most of their time waiting
   * for Azure between polls, up to 6 × that (at most {@value #MAX_OPERATIONS_IN_FLIGHT}: 48 actions of one
   * POST and a few polls each stay well inside ARM's per-subscription request buckets of 200 writes and
   * 250 reads, refilled at 10 and 25 a second).
   */
  TaskRunner(int parallelism) {
    this.pool = threads(parallelism, "lb-triage-azure-");
    this.operationsInFlight = Math.min(MAX_OPERATIONS_IN_FLIGHT, parallelism * 6);
  }

  private static ExecutorService threads(int n, String name) {
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, name + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  void run(Collection<ReadTask> tasks, Documents docs, Progress progress) {
    start(pool, tasks, docs).await(progress);
  }

  /**
   * Starts long-running actions now, on threads of their own (up to {@link #operationsInFlight} at once),
   * so they wait for Azure while other rounds read; {@link Round#await} reports and collects them.
   */
  Round startOperations(Collection<ReadTask> tasks, Documents docs) {
    synchronized (this) {
      if (operations == null) {
        operations = threads(operationsInFlight, "lb-triage-azure-lro-");
      }
    }
    return start(operations, tasks, docs);
  }

  private Round start(ExecutorService executor, Collection<ReadTask> tasks, Documents docs) {
    ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(executor);
    List<Future<Void>> futures = new ArrayList<>();
    for (ReadTask task : tasks) {
      futures.add(done.submit(() -> {
        runOne(task, docs);
        return null;
      }));
    }
    return new Round(tasks.isEmpty() ? "" : "reading " + label(tasks), done, futures);
  }

  /** Reads under way: {@link #await} waits for all, reporting each as it ends. */
  static final class Round {
    private final String step;
    private final ExecutorCompletionService<Void> done;
    private final List<Future<Void>> futures;

    private Round(String step, ExecutorCompletionService<Void> done, List<Future<Void>> futures) {
      this.step = step;
      this.done = done;
      this.futures = futures;
    }

    void await(Progress progress) {
      if (futures.isEmpty()) {
        return;
      }
      progress.update(step, 0, futures.size());
      try {
        for (int i = 1; i <= futures.size(); i++) {
          done.take().get();
          progress.update(step, i, futures.size());
        }
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + step, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a read crashed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static void runOne(ReadTask task, Documents docs) {
    String name = ArmId.name(task.id());
    try {
      JsonNode json = task.read().get();
      if (json != null) { // null: the read found that there is nothing to report (see HealthReads)
        docs.add(task.kind(), task.id(), json);
      }
    } catch (ArmReadException e) {
      docs.fail(task, e.reason(task.kind(), name));
    } catch (ReadOnlyViolationException e) {
      docs.fail(task, e.getMessage());
    } catch (RuntimeException e) {
      docs.fail(task, "could not read " + task.kind() + " " + name + ": " + ArmClient.describe(e));
    }
  }

  /** {@code 14 NICs, 2 VMs}. */
  static String label(Collection<ReadTask> tasks) {
    Map<String, Long> counts = tasks.stream()
        .collect(Collectors.groupingBy(ReadTask::kind, LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(java.util.Comparator.comparingInt(e -> Kinds.ORDER.indexOf(e.getKey())))
        .map(e -> Kinds.count(e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  @Override
  public synchronized void close() {
    pool.shutdownNow();
    if (operations != null) {
      operations.shutdownNow();
    }
  }
}
