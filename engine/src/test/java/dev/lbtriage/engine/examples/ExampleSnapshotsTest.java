package dev.lbtriage.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.facts.VmScaleSet;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.Ingress;
import dev.lbtriage.rules.network.NsgDecision;
import dev.lbtriage.rules.network.NsgLevel;
import dev.lbtriage.rules.network.RouteDecision;
import dev.lbtriage.rules.network.RouteEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example scenarios under {@code examples/} at the repository root: each folder reads as a
 * snapshot without errors, names its load balancer in {@code scenario.yaml}, and its facts
 * support the expected diagnosis (checked here with the offline NSG and route evaluators; the
 * rule-based diagnosis is checked elsewhere against the {@code expect} list).
 */
class ExampleSnapshotsTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  /** The symptoms of the knowledge base, not a list of our own. */
  private static final Set<String> SYMPTOMS = dev.lbtriage.kb.load.KnowledgeBaseLoader.loadBundled().symptoms().stream()
      .map(dev.lbtriage.kb.model.Symptom::id).collect(java.util.stream.Collectors.toSet());
  private static final Set<String> STATUSES = Set.of("confirmed", "suspected", "ruled-out");

  /** What each scenario's facts must show; every folder must have an entry. */
  private static final Map<String, BiConsumer<AzureFacts, Scenario>> CHECKS = Map.ofEntries(
      Map.entry("standard-public-no-nsg", ExampleSnapshotsTest::standardPublicWithoutAnyNsg),
      Map.entry("some-sources-allowed", ExampleSnapshotsTest::onlyAPartnerRangeAdmitted),
      Map.entry("nsg-asg-rule-blocks-probe", ExampleSnapshotsTest::asgRuleDeniesTheProbeToItsMemberOnly),
      Map.entry("nsg-deny-all-nic", (f, s) -> probeDeniedByDenyAll(f, s, NsgLevel.NIC)),
      Map.entry("nsg-deny-all-subnet", (f, s) -> probeDeniedByDenyAll(f, s, NsgLevel.SUBNET)),
      Map.entry("vm-deallocated", ExampleSnapshotsTest::oneVmDeallocated),
      Map.entry("probe-zero-vm-not-responding", ExampleSnapshotsTest::probeZeroForOneRunningBackend),
      Map.entry("udr-virtual-appliance", ExampleSnapshotsTest::repliesGoToVirtualAppliance),
      Map.entry("public-standard-nsg-blocks-clients", ExampleSnapshotsTest::internetDeniedProbeAllowed),
      Map.entry("ilb-hairpin", ExampleSnapshotsTest::clientIsBackendOfInternalLb),
      Map.entry("vmss-probe-locks-port", ExampleSnapshotsTest::scaleSetHealthProbeIsRuleProbe),
      Map.entry("healthy", ExampleSnapshotsTest::everythingAllowed),
      Map.entry("vmss-model-nsg-blocks-probe", ExampleSnapshotsTest::scaleSetModelNsgDeniesTheProbe),
      Map.entry("http-probe-path-404", ExampleSnapshotsTest::httpProbeOnAPathTheNsgAdmits));

  record Scenario(String folder, String loadBalancer, String symptom, Map<String, String> answers, JsonNode yaml) {}

  @Test
  void there_are_at_least_the_twelve_scenarios() {
    assertThat(folders()).extracting(p -> p.getFileName().toString()).containsAll(CHECKS.keySet());
  }

  @TestFactory
  Stream<DynamicTest> every_example_reads_cleanly_and_its_facts_support_the_expectation() {
    return folders().stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
      Scenario s = scenario(folder);
      AzureFacts facts = new SnapshotReader(folder).gather(s.loadBalancer(), Progress.none());
      assertThat(facts.problems()).as("problems reading %s", folder)
          .filteredOn(p -> p.severity() == SnapshotProblem.Severity.ERROR).isEmpty();
      assertThat(facts.loadBalancer(s.loadBalancer())).as("load balancer %s", s.loadBalancer()).isPresent();
      assertThat(members(facts, s)).as("pool members of %s", s.loadBalancer()).isNotEmpty();
      assertThat(CHECKS).as("a check for %s", s.folder()).containsKey(s.folder());
      CHECKS.get(s.folder()).accept(facts, s);
    }));
  }

  @Test
  void the_reader_ignores_scenario_yaml_and_notes() throws IOException {
    for (Path folder : folders()) {
      assertThat(folder.resolve("scenario.yaml")).exists();
      assertThat(folder.resolve("NOTES.md")).exists();
      AzureFacts all = new SnapshotReader(folder).everything(Progress.none());
      assertThat(all.problems()).extracting(SnapshotProblem::file).noneMatch(f -> !f.endsWith(".json"));
    }
  }

  // ---- the checks ----

  /** The Http probe asks for /healthz on port 80, and the NSGs admit it: only the path's status can explain the failure. */
  private static void httpProbeOnAPathTheNsgAdmits(AzureFacts facts, Scenario s) {
    assertThat(facts.loadBalancer(s.loadBalancer()).orElseThrow().probes()).filteredOn(p -> p.name().equals("httpProbe"))
        .singleElement().satisfies(p -> assertThat(p.requestPath()).isEqualTo("/healthz"));
    forEachProbedMember(facts, s, (m, probe) -> assertAllowed(probeFlow(facts, m, probe)));
    assertThat(s.answers()).containsEntry("probe-path-status", "404");
  }

  /** No instance NIC is in the snapshot; the scale set model names the NSG, whose DenyAll@100 denies the probe. */
  private static void scaleSetModelNsgDeniesTheProbe(AzureFacts facts, Scenario s) {
    assertThat(facts.networkInterfaces()).isEmpty();
    assertThat(facts.vmScaleSets()).singleElement().satisfies(v -> assertThat(v.nsgId()).endsWith("/nsg-vmss47409"));
    assertThat(facts.networkSecurityGroups()).singleElement().satisfies(n -> assertThat(n.rules())
        .anyMatch(r -> r.name().equals("DenyAll") && r.priority() == 100));
  }

  private static void probeDeniedByDenyAll(AzureFacts facts, Scenario s, NsgLevel level) {
    forEachProbedMember(facts, s, (m, probe) -> {
      FlowVerdict v = probeFlow(facts, m, probe);
      assertThat(v.denied()).as(v.describe()).isTrue();
      NsgDecision d = v.denyingDecision().orElseThrow();
      assertThat(d.level()).as(v.describe()).isEqualTo(level);
      assertThat(d.decidingRule().name()).isEqualTo("DenyAll");
      assertThat(d.decidingRule().priority()).isEqualTo(100);
    });
  }

  private static void oneVmDeallocated(AzureFacts facts, Scenario s) {
    assertThat(facts.virtualMachines()).extracting(VirtualMachine::name, VirtualMachine::powerState)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("vm-web-1", PowerState.RUNNING),
            org.assertj.core.groups.Tuple.tuple("vm-web-2", PowerState.DEALLOCATED));
    forEachProbedMember(facts, s, (m, probe) -> assertAllowed(probeFlow(facts, m, probe)));
  }

  private static void probeZeroForOneRunningBackend(AzureFacts facts, Scenario s) {
    assertThat(facts.virtualMachines()).isNotEmpty().allMatch(vm -> vm.powerState() == PowerState.RUNNING);
    assertThat(lastDip(facts, "172.18.0.5")).isEqualTo(0.0);
    assertThat(lastDip(facts, "172.18.0.6")).isEqualTo(100.0);
    assertThat(members(facts, s)).extracting(PoolMember::ipAddress).containsExactlyInAnyOrder("172.18.0.5", "172.18.0.6");
    forEachProbedMember(facts, s, (m, probe) -> assertAllowed(probeFlow(facts, m, probe)));
    assertThat(s.answers()).containsEntry("vm-responds", "no");
  }

  private static void repliesGoToVirtualAppliance(AzureFacts facts, Scenario s) {
    assertThat(facts.routeTables()).extracting("name").containsExactly("rt-web");
    forEachProbedMember(facts, s, (m, probe) -> {
      assertAllowed(probeFlow(facts, m, probe));
      RouteDecision r = RouteEvaluator.forNic(facts, m.nicId(), "168.63.129.16");
      assertThat(r.forcedToVirtualAppliance()).as(r.describe()).isTrue();
      assertThat(r.nextHopIps()).containsExactly("10.0.2.4");
      assertThat(r.routeName()).isEqualTo("to-firewall");
    });
  }

  private static void internetDeniedProbeAllowed(AzureFacts facts, Scenario s) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    assertThat(lb.sku()).isEqualTo(LbSku.STANDARD);
    assertThat(lb.internal()).isFalse();
    forEachProbedMember(facts, s, (m, probe) -> assertAllowed(probeFlow(facts, m, probe)));
    forEachRuleMember(facts, s, (m, rule) -> {
      for (String client : List.of("Internet", s.answers().get("client-ip"))) {
        FlowVerdict v = FlowEvaluator.forNic(facts, m.nicId(), Flow.inbound(client, m.ipAddress(), rule.backendPort(), TransportProtocol.TCP));
        assertThat(v.denied()).as(v.describe()).isTrue();
        assertThat(v.denyingDecision().orElseThrow().decidingRule().name()).isEqualTo("DenyAllInBound");
      }
    });
  }

  /** Standard public, no NSG on subnet or NIC: closed to every client, open to the probe (platform traffic). */
  private static void standardPublicWithoutAnyNsg(AzureFacts facts, Scenario s) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    assertThat(lb.sku()).isEqualTo(LbSku.STANDARD);
    assertThat(facts.networkSecurityGroups()).isEmpty();
    assertThat(facts.networkInterfaces()).allMatch(n -> n.nsgId() == null);
    assertThat(facts.subnets()).allMatch(sn -> sn.nsgId() == null);
    forEachProbedMember(facts, s, (m, probe) -> assertAllowed(probeFlow(facts, m, probe)));
    forEachRuleMember(facts, s, (m, rule) -> {
      for (String client : List.of("Internet", "VirtualNetwork", "203.0.113.50")) {
        FlowVerdict v = FlowEvaluator.forNic(facts, m.nicId(), Flow.inbound(client, m.ipAddress(), rule.backendPort(),
            TransportProtocol.TCP), Ingress.of(lb, rule));
        assertThat(v.denied()).as(v.describe()).isTrue();
        assertThat(v.describe()).contains("closed to inbound connections unless an NSG");
      }
      // the same NIC behind a Basic load balancer (or with no load balancer semantics) is open
      assertAllowed(FlowEvaluator.forNic(facts, m.nicId(), Flow.inbound("203.0.113.50", m.ipAddress(), rule.backendPort(),
          TransportProtocol.TCP)));
    });
  }

  /** The NSG admits port 80 from 198.51.100.0/24 only: the client's address decides, a tag cannot. */
  private static void onlyAPartnerRangeAdmitted(AzureFacts facts, Scenario s) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    forEachRuleMember(facts, s, (m, rule) -> {
      java.util.function.Function<String, FlowVerdict> from = client -> FlowEvaluator.forNic(facts, m.nicId(),
          Flow.inbound(client, m.ipAddress(), rule.backendPort(), TransportProtocol.TCP), Ingress.of(lb, rule));
      assertThat(from.apply(s.answers().get("client-ip")).denyingDecision().orElseThrow().decidingRule().name())
          .isEqualTo("DenyAllInBound");
      assertAllowed(from.apply("198.51.100.7"));
      assertThat(from.apply("Internet").verdict()).isEqualTo(dev.lbtriage.rules.network.Verdict.UNKNOWN);
    });
  }

  /** The NIC of 10.0.0.4 is in asg-web, whose deny rule stops the probe; 10.0.0.5 is not in it. */
  private static void asgRuleDeniesTheProbeToItsMemberOnly(AzureFacts facts, Scenario s) {
    forEachProbedMember(facts, s, (m, probe) -> {
      FlowVerdict v = probeFlow(facts, m, probe);
      if (m.ipAddress().equals("10.0.0.4")) {
        assertThat(v.denyingDecision().orElseThrow().decidingRule().name()).as(v.describe()).isEqualTo("DenyMgmtToWebTier");
      } else {
        assertAllowed(v);
        assertThat(v.describe()).contains("AllowAzureLoadBalancerInBound").doesNotContain("could not be told");
      }
    });
  }

  private static void clientIsBackendOfInternalLb(AzureFacts facts, Scenario s) {
    assertThat(facts.loadBalancer(s.loadBalancer()).orElseThrow().internal()).isTrue();
    List<PoolMember> members = members(facts, s);
    assertThat(members).hasSize(2);
    assertThat(members).extracting(PoolMember::ipAddress).contains(s.answers().get("client-ip"));
  }

  private static void scaleSetHealthProbeIsRuleProbe(AzureFacts facts, Scenario s) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    assertThat(facts.vmScaleSets()).singleElement().satisfies(vmss -> assertThat(lb.rules()).anySatisfy(rule -> {
      assertThat(vmss.healthProbeId()).isEqualToIgnoringCase(rule.probeId());
      assertThat(vmss.backendPoolIds()).anyMatch(p -> rule.backendPoolIds().stream().anyMatch(p::equalsIgnoreCase));
    }));
    assertThat(facts.vmScaleSets()).extracting(VmScaleSet::name).containsExactly("vmss47409");
  }

  private static void everythingAllowed(AzureFacts facts, Scenario s) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    assertThat(facts.virtualMachines()).hasSize(2).allMatch(vm -> vm.powerState() == PowerState.RUNNING);
    forEachProbedMember(facts, s, (m, probe) -> {
      assertAllowed(probeFlow(facts, m, probe));
      assertThat(lastDip(facts, m.ipAddress())).isEqualTo(100.0);
      RouteDecision r = RouteEvaluator.forNic(facts, m.nicId(), "168.63.129.16");
      assertThat(r.forcedToVirtualAppliance() || r.nextHopType() == dev.lbtriage.rules.facts.NextHopType.NONE)
          .as(r.describe()).isFalse();
    });
    String source = lb.internal() ? "VirtualNetwork" : "Internet";
    forEachRuleMember(facts, s, (m, rule) -> assertAllowed(
        FlowEvaluator.forNic(facts, m.nicId(), Flow.inbound(source, m.ipAddress(), rule.backendPort(), TransportProtocol.TCP))));
  }

  // ---- helpers ----

  private static void assertAllowed(FlowVerdict v) {
    assertThat(v.allowed()).as(v.describe()).isTrue();
  }

  private static FlowVerdict probeFlow(AzureFacts facts, PoolMember m, HealthProbe probe) {
    return FlowEvaluator.forNic(facts, m.nicId(), Flow.inbound("AzureLoadBalancer", m.ipAddress(), probe.port(), TransportProtocol.TCP));
  }

  private static Double lastDip(AzureFacts facts, String ip) {
    MetricSeries series = facts.metrics().stream()
        .filter(m -> m.is("DipAvailability") && ip.equals(m.dimension("BackendIPAddress")))
        .findFirst().orElseThrow(() -> new AssertionError("no DipAvailability series for " + ip));
    return series.points().get(series.points().size() - 1).average();
  }

  /** Every member of every pool that a rule with a probe serves, with that probe; at least one. */
  private static void forEachProbedMember(AzureFacts facts, Scenario s, BiConsumer<PoolMember, HealthProbe> check) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    int n = 0;
    for (LoadBalancingRule rule : lb.rules()) {
      if (rule.probeId() == null) {
        continue;
      }
      HealthProbe probe = lb.probes().stream().filter(p -> p.id().equalsIgnoreCase(rule.probeId())).findFirst().orElseThrow();
      for (PoolMember m : membersOf(lb, rule)) {
        check.accept(m, probe);
        n++;
      }
    }
    assertThat(n).as("probed pool members of %s", lb.name()).isPositive();
  }

  /** Every member of every pool a rule serves; at least one. */
  private static void forEachRuleMember(AzureFacts facts, Scenario s, BiConsumer<PoolMember, LoadBalancingRule> check) {
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    int n = 0;
    for (LoadBalancingRule rule : lb.rules()) {
      for (PoolMember m : membersOf(lb, rule)) {
        check.accept(m, rule);
        n++;
      }
    }
    assertThat(n).as("pool members of %s", lb.name()).isPositive();
  }

  private static List<PoolMember> membersOf(LoadBalancer lb, LoadBalancingRule rule) {
    return lb.pools().stream()
        .filter(p -> rule.backendPoolIds().stream().anyMatch(id -> id.equalsIgnoreCase(p.id())))
        .flatMap(p -> p.members().stream())
        .toList();
  }

  private static List<PoolMember> members(AzureFacts facts, Scenario s) {
    return facts.loadBalancer(s.loadBalancer()).orElseThrow().pools().stream()
        .map(BackendPool::members).flatMap(List::stream).toList();
  }

  private static List<Path> folders() {
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads scenario.yaml and checks its schema. */
  private static Scenario scenario(Path folder) throws IOException {
    JsonNode y = new YAMLMapper().readTree(folder.resolve("scenario.yaml").toFile());
    assertThat(y.isObject()).isTrue();
    List<String> keys = new ArrayList<>();
    y.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsAll(List.of("title", "report", "symptom", "loadBalancer", "answers", "expect"))
        .isSubsetOf("title", "report", "symptom", "loadBalancer", "answers", "expect", "expectNoConfirmed");
    assertThat(y.get("title").asText()).isNotBlank();
    assertThat(y.get("report").asText()).isNotBlank();
    assertThat(y.get("symptom").asText()).isIn(SYMPTOMS);
    assertThat(y.get("answers").isObject()).isTrue();
    Map<String, String> answers = new java.util.LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = y.get("answers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assertThat(e.getValue().isValueNode()).as("answer %s", e.getKey()).isTrue();
      answers.put(e.getKey(), e.getValue().asText());
    }
    assertThat(y.get("expect").isArray()).isTrue();
    for (JsonNode e : y.get("expect")) {
      assertThat(e.get("cause").asText()).isNotBlank();
      assertThat(e.get("status").asText()).isIn(STATUSES);
    }
    if (y.get("expect").isEmpty()) {
      assertThat(y.path("expectNoConfirmed").asBoolean()).as("an empty expect needs expectNoConfirmed: true").isTrue();
    }
    return new Scenario(folder.getFileName().toString(), y.get("loadBalancer").asText(), y.get("symptom").asText(), answers, y);
  }
}
