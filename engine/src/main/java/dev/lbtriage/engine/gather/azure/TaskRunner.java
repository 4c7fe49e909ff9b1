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
 * 2 VMs 9/16}. A read that throws becomes a failure with its reason; the round always completes.
 */
final class TaskRunner implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;

  TaskRunner(int parallelism) {
    this.pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "lb-triage-azure-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  void run(Collection<ReadTask> tasks, Documents docs, Progress progress) {
    if (tasks.isEmpty()) {
      return;
    }
    String step = "reading " + label(tasks);
    ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
    List<Future<Void>> futures = new ArrayList<>();
    for (ReadTask task : tasks) {
      futures.add(done.submit(() -> {
        runOne(task, docs);
        return null;
      }));
    }
    progress.update(step, 0, tasks.size());
    try {
      for (int i = 1; i <= tasks.size(); i++) {
        done.take().get();
        progress.update(step, i, tasks.size());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + step, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a read crashed: " + e.getCause(), e.getCause());
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
  public void close() {
    pool.shutdownNow();
  }
}
