package dev.lbtriage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.graph.FleetFacts;
import dev.lbtriage.engine.gather.graph.GeneratedFleet;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 20, the read side alone: a generated fleet's Resource Graph pages (1,000 rows each, as
 * {@code FleetScanBenchmark} makes them) fed to {@code FleetFacts}, timed per repetition, with the load balancers,
 * rows and problems read (the same for every build). The pages are built before timing (as JSON trees, which is
 * what the HTTP client hands over); each repetition reads copies, since reading shapes the rows in place. Uses
 * only {@code FleetFacts} and {@code GeneratedFleet}, so the same class runs against an older build's jar
 * (see {@code bench/side-by-side.sh fleet}).
 *
 * <pre>java -Xmx6g -cp bench/target/benchmarks.jar dev.lbtriage.bench.FleetReadTiming [loadBalancers=10000] [reps=5]</pre>
 */
public final class FleetReadTiming {

  private FleetReadTiming() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    GeneratedFleet fleet = GeneratedFleet.generate(GeneratedFleet.examples(), n, Math.max(1, n / 100));
    List<ObjectNode> rows = fleet.rows();
    List<JsonNode> pages = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 1000) {
      pages.add(GeneratedFleet.response(rows.subList(i, Math.min(rows.size(), i + 1000))).get("data"));
    }
    List<Double> times = new ArrayList<>();
    for (int rep = 0; rep <= reps; rep++) { // the first is warm-up
      List<JsonNode> copies = new ArrayList<>();
      pages.forEach(p -> copies.add(p.deepCopy()));
      System.gc();
      long t0 = System.nanoTime();
      FleetFacts facts = new FleetFacts();
      for (JsonNode page : copies) {
        facts.addData(page, "page");
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      System.out.printf(Locale.ROOT, "%s %d: %,.0f ms (%,d rows, %,d load balancers, %,d problems)%n",
          rep == 0 ? "warm-up" : "rep", rep, ms, facts.rows(), facts.loadBalancers().size(), facts.problems().size());
      if (rep > 0) {
        times.add(ms);
      }
    }
    List<Double> sorted = times.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "fleet read %,d load balancers (%,d rows): median %,.0f ms, min %,.0f ms; load average %.1f%n",
        n, rows.size(), sorted.get(sorted.size() / 2), sorted.get(0),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
