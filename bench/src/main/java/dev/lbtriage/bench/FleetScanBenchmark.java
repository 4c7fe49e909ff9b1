package dev.lbtriage.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.graph.FleetFacts;
import dev.lbtriage.engine.gather.graph.GeneratedFleet;
import dev.lbtriage.engine.scan.FleetScanner;
import dev.lbtriage.engine.scan.ScanReport;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.fleet.FleetRules;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * Fleet scan time and peak heap for generated fleets ({@code GeneratedFleet}: the example scenarios'
 * real payloads as Resource Graph rows, faults at known places). For each size: the pages (1,000 rows
 * each, as Resource Graph sends them) go into {@code FleetFacts} ("read"), then {@code FleetScanner}
 * evaluates every load balancer ("evaluate"); generating the rows is not timed. One warm-up run of the
 * first size; peak heap is the sum of the heap pools' peaks, reset after a GC before each size.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.lbtriage.bench.FleetScanBenchmark [threads] 100 1000 10000</pre>
 */
public final class FleetScanBenchmark {

  private FleetScanBenchmark() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    List<Integer> sizes = args.length > 1 ? java.util.Arrays.stream(args).skip(1).map(Integer::valueOf).toList() : List.of(100, 1000, 10000);
    FleetScanner scanner = new FleetScanner(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath(), FleetRules.fromClasspath(), threads);
    run(scanner, sizes.get(0), false);
    System.out.println("threads " + threads + ", load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("| load balancers | rows | read ms | evaluate ms | evaluate per LB µs | findings | peak heap MB |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int n : sizes) {
      run(scanner, n, true);
    }
  }

  private static void run(FleetScanner scanner, int n, boolean print) {
    GeneratedFleet fleet = GeneratedFleet.generate(GeneratedFleet.examples(), n, Math.max(1, n / 100));
    List<ObjectNode> rows = fleet.rows();
    int count = rows.size();
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long t0 = System.nanoTime();
    FleetFacts facts = new FleetFacts();
    for (int i = 0; i < rows.size(); i += 1000) {
      facts.addData(GeneratedFleet.response(rows.subList(i, Math.min(rows.size(), i + 1000))).get("data"), "page");
    }
    long t1 = System.nanoTime();
    ScanReport report = scanner.scan(facts, "bench");
    long t2 = System.nanoTime();
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    if (print) {
      System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", n, count, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
          (t2 - t1) / 1_000 / n, report.findings().size(), peak / 1_000_000);
    }
  }
}
