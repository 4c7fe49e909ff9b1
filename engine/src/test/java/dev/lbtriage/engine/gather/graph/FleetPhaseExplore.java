package dev.lbtriage.engine.gather.graph;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.fleet.FleetRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetPhaseExplore {
  @Test
  void explore() {
    var kb = KnowledgeBaseLoader.loadBundled();
    var rules = RuleEngine.fromClasspath();
    var diag = new Diagnoser(kb, rules);
    var hyg = FleetRules.fromClasspath();
    for (int round = 0; round < 2; round++) {
      GeneratedFleet g = GeneratedFleet.generate(GeneratedFleet.examples(), 1000, 10);
      long t0 = System.nanoTime();
      FleetFacts facts = new FleetFacts();
      facts.addData(GeneratedFleet.response(g.rows()).get("data"), "test");
      long t1 = System.nanoTime();
      List<AzureFacts> all = new ArrayList<>();
      facts.loadBalancers().forEach(lb -> all.add(facts.facts(lb)));
      long t2 = System.nanoTime();
      for (AzureFacts f : all) {
        rules.diagnose(f, new Triage("probe-down", f.loadBalancers().get(0).id()), List.of());
      }
      long t3 = System.nanoTime();
      for (AzureFacts f : all) {
        rules.diagnose(f, new Triage("data-port-down", f.loadBalancers().get(0).id()), List.of());
      }
      long t4 = System.nanoTime();
      for (AzureFacts f : all) {
        rules.diagnose(f, new Triage("vmss-backend-port-locked", f.loadBalancers().get(0).id()), List.of());
      }
      long t5 = System.nanoTime();
      for (AzureFacts f : all.subList(0, 200)) {
        diag.diagnose(f, f.loadBalancers().get(0).id(), "probe-down", null, List.of());
      }
      long t6 = System.nanoTime();
      hyg.check(all.stream().map(facts::fleetView).toList());
      long t7 = System.nanoTime();
      FleetTimeExplore.log("read " + (t1 - t0) / 1_000_000 + " resolve " + (t2 - t1) / 1_000_000 + " probe-down " + (t3 - t2) / 1_000_000
          + " data-port " + (t4 - t3) / 1_000_000 + " vmss " + (t5 - t4) / 1_000_000 + " diagnoser(200) " + (t6 - t5) / 1_000_000
          + " hygiene " + (t7 - t6) / 1_000_000 + " load " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
