package dev.lbtriage.engine.gather.azure;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.NsgDecision;
import dev.lbtriage.rules.network.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Network Watcher's own verdict on the health probe's flow to each backend VM, compared with the
 * offline evaluation of the gathered NSG rules ({@link FlowEvaluator}). For each VM in a pool that a
 * load-balancing rule with a probe sends to, its first IP configuration in those pools is asked
 * about TCP from {@code 168.63.129.16} on each such probe's port, in parallel. Azure's answers are
 * kept as a snapshot document ({@link #SNAPSHOT_FILE}) and so become
 * {@link dev.lbtriage.rules.facts.FlowVerification} facts the rules use (a replayed capture keeps
 * them). Agreement says nothing more; a disagreement (or an offline {@code UNKNOWN} that Azure
 * decides) is also a {@link SnapshotProblem} note; a failed call is a {@link MissingFact}, never a
 * conclusion. No watcher in the load balancer's region: nothing is asked and nothing is said.
 */
final class ProbeFlowCheck {

  static final String KIND = "ip-flow-verify";
  static final String FILE = "azure:ipFlowVerify";
  private static final String WATCHER_KIND = "network-watcher";

  /** The snapshot file that keeps Azure's answers, so that a replay of a capture has them. */
  static final String SNAPSHOT_FILE = "network-watcher.ip-flow-verify.json";

  /**
   * What the check found: notes (disagreements), missing facts (failed calls), and Azure's answers
   * as a {@code *.ip-flow-verify.json} document (an array of {@code {parameters, result,
   * networkWatcherId}}; empty array when none), which becomes {@code FlowVerification} facts.
   */
  record Report(List<SnapshotProblem> notes, List<MissingFact> missing, com.fasterxml.jackson.databind.node.ArrayNode answers) {
    static final Report EMPTY = new Report(List.of(), List.of(), ArmClient.JSON.createArrayNode());

    Report {
      notes = List.copyOf(notes);
      missing = List.copyOf(missing);
    }

    Report(List<SnapshotProblem> notes, List<MissingFact> missing) {
      this(notes, missing, ArmClient.JSON.createArrayNode());
    }
  }

  /** One VM's first pool IP configuration and a probe port to ask about. */
  record Target(String vmId, String nicId, String ipConfigurationId, String ip, int port) {
    String taskId() {
      return vmId + "/ipFlowVerify/" + ip + ":" + port;
    }
  }

  private final ProbeFlowVerifier verifier;
  private final TaskRunner runner;

  ProbeFlowCheck(ArmClient arm, AzureReadOptions options, TaskRunner runner) {
    this.verifier = new ProbeFlowVerifier(arm, options);
    this.runner = runner;
  }

  Report run(AzureFacts facts, String lbId, Progress progress) {
    Optional<LoadBalancer> lb = facts.loadBalancers().stream().filter(l -> ArmId.same(l.id(), lbId)).findFirst();
    if (lb.isEmpty() || lb.get().location() == null) {
      return Report.EMPTY;
    }
    List<Target> targets = targets(lb.get());
    if (targets.isEmpty()) {
      return Report.EMPTY;
    }
    String subscription = ArmId.subscription(lbId);
    Optional<String> watcher;
    try {
      watcher = verifier.watcher(subscription, lb.get().location());
    } catch (ArmReadException e) {
      String list = "/subscriptions/" + subscription + "/providers/Microsoft.Network/networkWatchers";
      return new Report(List.of(), List.of(new MissingFact(WATCHER_KIND, list, lbId,
          e.reason(WATCHER_KIND + "s of subscription", subscription) + "; the probe flows were not verified by Azure")));
    }
    if (watcher.isEmpty()) {
      return Report.EMPTY;
    }
    Map<String, FlowVerdict> answers = new ConcurrentHashMap<>();
    Map<String, Target> byTask = new LinkedHashMap<>();
    List<ReadTask> tasks = new ArrayList<>();
    for (Target t : targets) {
      byTask.put(ArmId.normalize(t.taskId()), t);
      tasks.add(new ReadTask(Kinds.IP_FLOW_VERIFY, t.taskId(), t.ipConfigurationId(), () -> {
        FlowVerdict v = verifier.verify(watcher.get(), t.vmId(), t.ip(), t.port());
        answers.put(t.taskId(), v);
        return ArmClient.JSON.createObjectNode().put("access", v.access()).put("ruleName", v.ruleName());
      }));
    }
    Documents docs = new Documents();
    runner.run(tasks, docs, progress);

    List<SnapshotProblem> notes = new ArrayList<>();
    List<MissingFact> missing = new ArrayList<>();
    com.fasterxml.jackson.databind.node.ArrayNode kept = ArmClient.JSON.createArrayNode();
    for (MissingFact f : docs.failures()) {
      Target t = byTask.get(ArmId.normalize(f.reference()));
      missing.add(new MissingFact(KIND, t.vmId(), t.ipConfigurationId(), "Network Watcher IP flow verify of the probe flow "
          + flow(t) + " to VM " + ArmId.name(t.vmId()) + " failed: " + f.reason()));
    }
    for (Target t : targets) {
      FlowVerdict azure = answers.get(t.taskId());
      if (azure == null) {
        continue;
      }
      if (azure.access() == null) {
        missing.add(new MissingFact(KIND, t.vmId(), t.ipConfigurationId(), "Network Watcher IP flow verify of the probe flow "
            + flow(t) + " to VM " + ArmId.name(t.vmId()) + " answered without an access"));
        continue;
      }
      compare(facts, t, azure).ifPresent(notes::add);
      com.fasterxml.jackson.databind.node.ObjectNode entry = kept.addObject();
      entry.set("parameters", ProbeFlowVerifier.body(t.vmId(), t.ip(), t.port()));
      entry.putObject("result").put("access", azure.access()).put("ruleName", azure.ruleName());
      entry.put("networkWatcherId", azure.networkWatcherId());
    }
    return new Report(notes, missing, kept);
  }

  /** Empty when Azure and the offline evaluation agree. */
  static Optional<SnapshotProblem> compare(AzureFacts facts, Target t, FlowVerdict azure) {
    dev.lbtriage.rules.network.FlowVerdict ours = FlowEvaluator.forNic(facts, t.ip(),
        Flow.inbound(ProbeFlowVerifier.PROBE_SOURCE, t.ip(), t.port(), TransportProtocol.TCP));
    Verdict theirs = azure.allowed() ? Verdict.ALLOW : Verdict.DENY;
    if (ours.verdict() == theirs) {
      return Optional.empty();
    }
    String member = "pool member VM " + ArmId.name(t.vmId()) + " (" + t.ip() + "), probe port " + t.port();
    String azureSays = "Azure Network Watcher says " + azure.access() + " by " + azure.ruleName();
    String weSay = ours.verdict() == Verdict.UNKNOWN
        ? "the offline evaluation of the gathered NSG rules could not decide (" + deciding(ours) + ")"
        : "the offline evaluation of the gathered NSG rules says " + ours.verdict() + " (" + deciding(ours) + ")";
    return Optional.of(new SnapshotProblem(SnapshotProblem.Severity.NOTE, FILE, null,
        member + ": " + azureSays + ", but " + weSay + "; Azure's verdict is the one in force"));
  }

  /** The deciding rule(s): the denying level when denied, else every level. */
  private static String deciding(dev.lbtriage.rules.network.FlowVerdict ours) {
    List<NsgDecision> decisions = ours.denyingDecision().map(List::of).orElse(ours.decisions());
    String s = decisions.stream().map(NsgDecision::describe).collect(Collectors.joining("; "));
    if (s.isEmpty()) {
      s = String.join("; ", ours.notes());
    }
    return s;
  }

  private static String flow(Target t) {
    return "TCP " + ProbeFlowVerifier.PROBE_SOURCE + " -> " + t.ip() + ":" + t.port();
  }

  /**
   * Per VM (not scale set instances), the first IP configuration met in the pools of rules with a
   * probe, with the ports of those probes.
   */
  static List<Target> targets(LoadBalancer lb) {
    Map<String, PoolMember> firstMember = new LinkedHashMap<>();
    Map<String, Set<Integer>> ports = new LinkedHashMap<>();
    for (LoadBalancingRule rule : lb.rules()) {
      if (rule.probeId() == null) {
        continue;
      }
      Optional<HealthProbe> probe = lb.probes().stream().filter(p -> ArmId.same(p.id(), rule.probeId())).findFirst();
      if (probe.isEmpty() || probe.get().port() < 1 || probe.get().port() > 65535) {
        continue;
      }
      for (String poolId : rule.backendPoolIds()) {
        for (BackendPool pool : lb.pools()) {
          if (!ArmId.same(pool.id(), poolId)) {
            continue;
          }
          for (PoolMember m : pool.members()) {
            if (m.vmId() == null || m.vmssId() != null || m.ipAddress() == null) {
              continue;
            }
            String vm = ArmId.normalize(m.vmId());
            firstMember.putIfAbsent(vm, m);
            ports.computeIfAbsent(vm, k -> new LinkedHashSet<>()).add(probe.get().port());
          }
        }
      }
    }
    List<Target> out = new ArrayList<>();
    firstMember.forEach((vm, m) -> ports.get(vm).forEach(port ->
        out.add(new Target(m.vmId(), m.nicId(), m.ipConfigurationId(), m.ipAddress(), port))));
    return out;
  }
}
