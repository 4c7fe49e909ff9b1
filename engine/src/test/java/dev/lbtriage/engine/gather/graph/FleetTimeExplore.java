package dev.lbtriage.engine.gather.graph;

import dev.lbtriage.engine.scan.FleetScanner;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.fleet.FleetRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class FleetTimeExplore {
  static void log(String s) {
    try {
      Files.writeString(Path.of("/tmp/fleet-timing.txt"), s + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  @Test
  void explore() {
    var scanner = new FleetScanner(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath(), FleetRules.fromClasspath(), 2);
    for (int n : new int[] {200, 1000, 1000}) {
      GeneratedFleet g = GeneratedFleet.generate(GeneratedFleet.examples(), n, 10);
      long t0 = System.nanoTime();
      FleetFacts facts = new FleetFacts();
      facts.addData(GeneratedFleet.response(g.rows()).get("data"), "test");
      long t1 = System.nanoTime();
      var r = scanner.scan(facts, "test");
      long t2 = System.nanoTime();
      log(n + " read " + (t1 - t0) / 1_000_000 + " ms, scan " + (t2 - t1) / 1_000_000 + " ms, findings " + r.findings().size()
          + " heap " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000 + " MB");
    }
  }
}
