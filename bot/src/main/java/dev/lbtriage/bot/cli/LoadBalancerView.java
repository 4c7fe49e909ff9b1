package dev.lbtriage.bot.cli;

import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.Classify;
import dev.lbtriage.rules.diagnosis.TrafficFlows;
import dev.lbtriage.rules.diagnosis.Verdict;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.RouteDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A load balancer as {@code show} presents it: its facts, plus for each pool member the verdicts on
 * the probe flows and the data flows that the diagnosis rules hold ({@link TrafficFlows}, one
 * definition for both) and, when the NIC's effective routes are known, the route to the probe
 * source. Built once, printed as text or JSON.
 */
record LoadBalancerView(LoadBalancer lb, AzureFacts facts, List<PoolView> pools) {

  /** One pool and its members. */
  record PoolView(BackendPool pool, List<MemberView> members) {}

  /**
   * One member.
   *
   * @param nic null when the NIC is not in the facts
   * @param vmName the VM (or {@code scaleset/instance}), null when not known
   * @param vmKnown whether the VM's own facts are in the snapshot
   * @param route null when the NIC's effective routes are not in the snapshot
   * @param notes why some flows were not evaluated
   */
  record MemberView(
      PoolMember member,
      String ip,
      NetworkInterface nic,
      String nicName,
      String vmName,
      boolean vmKnown,
      PowerState powerState,
      List<Check> probeChecks,
      List<Check> dataChecks,
      RouteDecision route,
      List<String> notes) {}

  /**
   * One verdict on a member's traffic, the one {@code diagnose} holds ({@link TrafficFlows}).
   *
   * @param kind {@code probe} or {@code rule}
   * @param name the probe's or the rule's name
   * @param verdict the verdict in force (Network Watcher's when the facts have its answer for the flow)
   * @param flows each flow evaluated offline (one per protocol; empty when not evaluated)
   */
  record Check(String kind, String name, String ruleName, dev.lbtriage.rules.network.Verdict verdict, boolean byAzure,
      String evidence, List<FlowVerdict> flows) {
    /** The first flow's verdict, for the one-line views; null when nothing was evaluated. */
    FlowVerdict first() {
      return flows.isEmpty() ? null : flows.get(0);
    }
  }

  static LoadBalancerView of(LoadBalancer lb, AzureFacts facts) {
    List<PoolView> pools = new ArrayList<>();
    for (BackendPool pool : lb.pools()) {
      List<MemberView> members = new ArrayList<>();
      for (PoolMember m : pool.members()) {
        members.add(member(lb, facts, pool, m));
      }
      pools.add(new PoolView(pool, members));
    }
    return new LoadBalancerView(lb, facts, pools);
  }

  Optional<Frontend> frontend(String id) {
    return lb.frontends().stream().filter(f -> ArmId.same(f.id(), id)).findFirst();
  }

  Optional<HealthProbe> probe(String id) {
    return lb.probes().stream().filter(p -> ArmId.same(p.id(), id)).findFirst();
  }

  /** Rules sending to this pool. */
  static List<LoadBalancingRule> rulesOf(LoadBalancer lb, BackendPool pool) {
    return lb.rules().stream().filter(r -> r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, pool.id()))).toList();
  }

  private static dev.lbtriage.rules.network.Verdict network(Verdict v) {
    return switch (v) {
      case ALLOWED -> dev.lbtriage.rules.network.Verdict.ALLOW;
      case DENIED -> dev.lbtriage.rules.network.Verdict.DENY;
      case UNKNOWN -> dev.lbtriage.rules.network.Verdict.UNKNOWN;
    };
  }

  private static MemberView member(LoadBalancer lb, AzureFacts facts, BackendPool pool, PoolMember m) {
    NetworkInterface nic = m.nicId() == null ? null : facts.nic(m.nicId()).orElse(null);
    String ip = m.ipAddress();
    if (ip == null && nic != null) {
      ip = nic.ipConfigurations().stream().filter(c -> ArmId.same(c.id(), m.ipConfigurationId()))
          .map(NicIpConfiguration::privateIp).findFirst().orElse(null);
    }
    String nicName = m.nicId() != null ? Names.of(m.nicId()) : nic == null ? null : nic.name();
    VirtualMachine vm = m.vmId() == null ? null : facts.vm(m.vmId()).orElse(null);
    String vmName;
    if (m.vmssId() != null && m.vmssInstanceId() != null) {
      vmName = ArmId.name(m.vmssId()) + "/" + m.vmssInstanceId();
    } else if (vm != null) {
      vmName = vm.name();
    } else if (m.vmId() != null) {
      vmName = Names.of(m.vmId());
    } else if (m.vmssId() != null) {
      vmName = ArmId.name(m.vmssId()) + (m.vmssInstanceId() == null ? "" : "/" + m.vmssInstanceId());
    } else {
      vmName = null;
    }
    PowerState power = vm == null ? PowerState.UNKNOWN : vm.powerState();

    List<String> notes = new ArrayList<>();
    List<Check> probes = new ArrayList<>();
    List<Check> data = new ArrayList<>();
    // The backend as the rules see it, and the verdicts they hold for it: one definition, so show and diagnose agree.
    Backend b = Classify.backend(facts, lb, pool, m);
    List<TrafficFlows.Traffic> traffic = TrafficFlows.of(facts, lb, b, null);
    if (traffic.isEmpty() && !rulesOf(lb, pool).isEmpty()) {
      notes.add("the member's IP address is not known, so its flows were not evaluated");
    }
    for (TrafficFlows.Traffic t : traffic) {
      Check c = new Check(t.isProbe() ? "probe" : "rule", t.isProbe() ? t.probe().name() : t.rule().name(), t.rule().name(),
          network(t.verdict()), t.byAzure(), t.evidence(), t.flows());
      (t.isProbe() ? probes : data).add(c);
      String model = "evaluated from the scale set model's network profile: the instance's NIC is not in the snapshot";
      if (t.fromModel() && !notes.contains(model)) {
        notes.add(model);
      }
      if (!t.isProbe() && !"?".equals(b.ip())) {
        String note = TrafficFlows.destinationNote(lb, t.rule(), b.ip());
        if (note != null && !notes.contains(note)) {
          notes.add(note);
        }
      }
    }
    RouteDecision route = null;
    if (nic != null && facts.effectiveRoutesOf(nic.id()).isPresent()) {
      route = TrafficFlows.probeReplyRoute(facts, nic.id());
    }
    return new MemberView(m, ip, nic, nicName, vmName, vm != null, power, probes, data, route, notes);
  }
}
