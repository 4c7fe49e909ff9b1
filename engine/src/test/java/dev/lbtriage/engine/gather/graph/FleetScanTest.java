package dev.lbtriage.engine.gather.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.graph.GeneratedFleet.Placed;
import dev.lbtriage.engine.scan.FleetScanner;
import dev.lbtriage.engine.scan.ScanFinding;
import dev.lbtriage.engine.scan.ScanReport;
import dev.lbtriage.engine.scan.SubscriptionSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated fleet (in memory, real payload shapes, faults at known places; {@link GeneratedFleet})
 * read page by page as Resource Graph returns it and scanned with the real rules: every injected fault
 * is found on its load balancer, and nothing else is reported than what the payloads show.
 * 10,000 load balancers run in the bench (FleetScanBenchmark); here a few hundred.
 */
class FleetScanTest {
  /** The causes a scan reports, as the knowledge base marks them ({@code scan}), not a list of our own. */
  private static final java.util.Set<String> SCANNED =
      FleetScanner.causes(dev.lbtriage.kb.load.KnowledgeBaseLoader.loadBundled());

  static final int LBS = 240;
  static GeneratedFleet fleet;
  static ScanReport report;

  @BeforeAll
  static void scan() {
    fleet = GeneratedFleet.generate(GeneratedFleet.examples(), LBS, 7);
    FleetFacts facts = new FleetFacts();
    List<ObjectNode> rows = fleet.rows();
    for (int i = 0; i < rows.size(); i += 1000) { // pages of 1,000 rows, as Resource Graph sends them
      facts.addData(GeneratedFleet.response(rows.subList(i, Math.min(rows.size(), i + 1000))).get("data"), "page " + (i / 1000 + 1));
    }
    report = FleetExpectations.scanner().scan(facts, "generated fleet");
  }

  @Test
  void every_load_balancer_is_scanned_and_the_input_had_no_problem() {
    assertThat(report.loadBalancers()).isEqualTo(LBS);
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void every_injected_fault_is_found_where_it_was_put() {
    Map<String, Set<String>> found = FleetExpectations.byLoadBalancer(report);
    for (Placed p : fleet.placed()) {
      Set<String> mine = found.getOrDefault(p.loadBalancerId(), Set.of());
      for (String cause : p.template().causes) {
        assertThat(mine).as("load balancer %d (%s)", p.index(), p.template())
            .anyMatch(s -> s.startsWith(cause + " "));
      }
    }
  }

  @Test
  void nothing_is_found_that_the_payloads_do_not_show() {
    Map<String, Set<String>> found = FleetExpectations.byLoadBalancer(report);
    for (Placed p : fleet.placed()) {
      assertThat(found.getOrDefault(p.loadBalancerId(), Set.of())).as("load balancer %d (%s)", p.index(), p.template())
          .containsExactlyInAnyOrderElementsOf(FleetExpectations.EXPECTED.get(p.template()));
    }
  }

  @Test
  void no_seed_cause_on_a_healthy_load_balancer() {
    Set<String> healthy = new java.util.HashSet<>();
    fleet.placed().stream().filter(p -> p.template() == GeneratedFleet.Template.HEALTHY)
        .forEach(p -> healthy.add(p.loadBalancerId().toLowerCase()));
    assertThat(report.findings()).filteredOn(f -> healthy.contains(f.loadBalancerId().toLowerCase()))
        .noneMatch(f -> SCANNED.contains(f.cause()));
  }

  @Test
  void a_cause_that_needs_an_answer_is_never_reported_and_suspected_is_never_called_confirmed() {
    // the KB's causes without scan: each needs an answer (or is no fault at all)
    Set<String> unscanned = new java.util.HashSet<>(dev.lbtriage.kb.load.KnowledgeBaseLoader.loadBundled().causes()
        .map(dev.lbtriage.kb.model.Cause::id).toList());
    unscanned.removeAll(SCANNED);
    assertThat(unscanned).hasSizeGreaterThanOrEqualTo(4);
    assertThat(report.findings()).noneMatch(f -> unscanned.contains(f.cause()));
    assertThat(report.findings()).filteredOn(f -> f.cause().equals("probe-misconfigured"))
        .allMatch(f -> f.status().equals(ScanFinding.SUSPECTED));
  }

  @Test
  void every_finding_has_evidence_and_a_filled_in_fix_and_names_what_it_mirrors() {
    Pattern hole = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}|<[a-z][a-z-]*>");
    for (ScanFinding f : report.findings()) {
      assertThat(f.evidence()).as("%s on %s", f.cause(), f.loadBalancerId()).isNotEmpty();
      String whole = f.fix() + "\n" + String.join("\n", f.commands().stream().map(c -> c.description() + "\n" + c.command()).toList());
      assertThat(whole).as("%s on %s", f.cause(), f.loadBalancerId()).isNotBlank().doesNotContainPattern(hole)
          .doesNotContain("run lb-triage diagnose");
      // the commands come as structure: only those that fix, each a bare command with its description apart
      assertThat(f.commands()).as("%s on %s", f.cause(), f.loadBalancerId())
          .allSatisfy(c -> assertThat(c.fix()).isTrue())
          .allSatisfy(c -> assertThat(c.command()).startsWith("az ").doesNotContain("# "))
          .allSatisfy(c -> assertThat(c.description()).isNotBlank());
      if (!SCANNED.contains(f.cause())) { // a hygiene fix is written for this load balancer
        assertThat(f.fix()).as("the fix of %s names the load balancer's resource group", f.cause()).contains(f.resourceGroup());
      }
      assertThat(f.source()).matches("seed: [a-z-]+|APRL [0-9a-f-]{36}.*|PSRule Azure\\.LB\\..*|seed: troubleshoot-azure-load-balancer.*");
    }
  }

  @Test
  void a_summary_per_subscription_counts_its_load_balancers_and_findings() {
    assertThat(report.subscriptions()).hasSize(7);
    assertThat(report.subscriptions().stream().mapToInt(SubscriptionSummary::loadBalancers).sum()).isEqualTo(LBS);
    for (SubscriptionSummary s : report.subscriptions()) {
      List<ScanFinding> mine = report.findings().stream().filter(f -> f.subscription().equalsIgnoreCase(s.subscription())).toList();
      assertThat(s.confirmed()).isEqualTo(mine.stream().filter(f -> f.status().equals("confirmed")).count());
      assertThat(s.advisory()).isEqualTo(mine.stream().filter(f -> f.status().equals("advisory")).count());
    }
    assertThat(report.exitCode()).isEqualTo(1);
  }
}
