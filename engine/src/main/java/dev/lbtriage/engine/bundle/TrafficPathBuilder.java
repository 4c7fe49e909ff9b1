package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.bundle.TrafficPath.Hop;
import dev.lbtriage.engine.bundle.TrafficPath.State;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.kb.model.PathHop;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.Ingress;
import dev.lbtriage.rules.network.NsgDecision;
import dev.lbtriage.rules.network.NsgLevel;
import dev.lbtriage.rules.network.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the {@link TrafficPath} of one load balancer: NSG hops from the offline flow evaluation
 * (the same evaluator the rules use), the other hops from the diagnosis' findings: each finding marks
 * the hop it shows at ({@link Diagnosis.CauseFinding#hop()}: its cause's {@code pathHop} in the KB,
 * or the route its decisive findings are about), e.g. a stopped VM its VM, a hairpin its client, a
 * scale set probe lock its rule, a diverting route the return route.
 */
final class TrafficPathBuilder {
  private static final Set<PathHop> VM_PROBE = Set.of(PathHop.VM, PathHop.PROBE_VM);
  private static final Set<PathHop> VM_DATA = Set.of(PathHop.VM, PathHop.DATA_VM);

  private TrafficPathBuilder() {}

  static TrafficPath of(AzureFacts facts, LoadBalancer lb, Diagnosis d, String clientIp) {
    String ip = BackendChoice.focus(facts, lb, d);
    Optional<PoolMember> member = BackendChoice.member(lb, ip);
    Optional<LoadBalancingRule> rule = lb.rules().stream()
        .filter(r -> member.isPresent() && r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, member.get().poolId())))
        .findFirst().or(() -> lb.rules().stream().findFirst());
    Optional<Frontend> fe = rule.flatMap(r -> lb.frontends().stream().filter(f -> ArmId.same(f.id(), r.frontendId())).findFirst());
    Optional<HealthProbe> probe = rule.flatMap(r -> lb.probes().stream().filter(p -> ArmId.same(p.id(), r.probeId())).findFirst())
        .or(() -> lb.probes().stream().findFirst());
    Optional<VirtualMachine> vm = member.map(PoolMember::vmId).flatMap(facts::vm);
    String vmName0 = vm.map(VirtualMachine::name).orElse(member.map(m -> m.vmssId() != null
        ? ArmId.name(m.vmssId()) + " instance " + m.vmssInstanceId() : m.nicId() == null ? "backend" : ArmId.name(m.nicId()))
        .orElse("backend"));
    String vmName = vmName0;

    List<Hop> data = new ArrayList<>();
    String source = clientIp != null ? clientIp : lb.internal() ? "VirtualNetwork" : "Internet";
    data.add(clientHop(d, ip, clientIp, source));
    data.add(new Hop("data", "frontend", "frontend " + fe.map(f -> f.name() + " " + (f.address() != null ? f.address()
        : f.isPublic() ? "(public IP " + ArmId.name(f.publicIpId()) + ", address not in the facts)" : "(address not in the facts)")).orElse("(none)")
        + rule.map(r -> ":" + r.frontendPort()).orElse(""), fe.isPresent() ? State.OK : State.SUSPECTED,
        fe.isPresent() ? (fe.get().isPublic() ? "public frontend" : "internal frontend") : "no rule names a frontend in the facts"));
    data.add(ruleHop(d, rule));
    Optional<PoolMember> anyMember = member.or(() -> lb.pools().stream().flatMap(p -> p.members().stream()).findFirst());
    data.add(new Hop("data", "pool", "pool " + anyMember.map(m -> ArmId.name(m.poolId())).orElse(lb.pools().isEmpty() ? "(none)"
        : lb.pools().get(0).name()), anyMember.isPresent() ? State.OK : State.FAILING, member.isPresent() ? "backend " + ip + " is a member"
        : anyMember.isPresent() ? "members whose addresses are not in the facts" : "the pool has no member"));
    if (member.isEmpty() && anyMember.isPresent() && anyMember.get().vmssId() != null) {
      vmName = "scale set " + ArmId.name(anyMember.get().vmssId()) + " instances";
    }
    Integer backendPort = rule.map(LoadBalancingRule::backendPort).orElse(null);
    if (ip != null && backendPort != null) {
      TransportProtocol proto = rule.get().protocol() == TransportProtocol.UDP ? TransportProtocol.UDP : TransportProtocol.TCP;
      FlowVerdict v = evaluate(facts, ip, Flow.inbound(source, ip, backendPort, proto), Ingress.of(lb, rule.get()));
      data.addAll(nsgHops("data", v));
    } else {
      data.addAll(nsgHopsFromFindings("data", d, PathHop.DATA_NSG));
    }
    routeHop(d, ip, "data").ifPresent(data::add);
    data.add(vmHop("data", d, ip, vm, vmName + (ip == null ? "" : " " + ip) + (backendPort == null ? "" : ":" + backendPort), VM_DATA));

    List<Hop> probeLane = new ArrayList<>();
    probeLane.add(new Hop("probe", "source", "health probe " + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP, State.OK,
        probe.map(HealthProbe::describe).orElse("no health probe in the facts")));
    if (ip != null && probe.isPresent()) {
      FlowVerdict v = evaluate(facts, ip, Flow.inbound("AzureLoadBalancer", ip, probe.get().port(), TransportProtocol.TCP), Ingress.DIRECT);
      probeLane.addAll(nsgHops("probe", v));
    } else {
      probeLane.addAll(nsgHopsFromFindings("probe", d, PathHop.PROBE_NSG));
    }
    routeHop(d, ip, "probe").ifPresent(probeLane::add);
    probeLane.add(vmHop("probe", d, ip, vm, vmName + (ip == null ? "" : " " + ip) + probe.map(p -> ":" + p.port() + (p.http() && p.requestPath() != null
        ? " " + p.requestPath() : "")).orElse(""), VM_PROBE));
    return new TrafficPath(ip, data, probeLane);
  }

  /**
   * Without a backend address (scale set instances whose NICs are not in the facts) the NSG hops are
   * read from the finding the rules made from the scale set model: "(NIC NSG" or "(subnet NSG" in its evidence.
   */
  private static List<Hop> nsgHopsFromFindings(String lane, Diagnosis d, PathHop hop) {
    Optional<Diagnosis.CauseFinding> f = d.findings().stream().filter(x -> x.hop() == hop && !x.status().equals("ruled-out"))
        .findFirst();
    List<Hop> out = new ArrayList<>();
    List<String> segments = f.map(x -> x.evidence().stream().flatMap(e -> java.util.Arrays.stream(e.split("; |: (?=denied|allowed)")))
        .toList()).orElse(List.of());
    for (String[] level : new String[][] {{"subnet-nsg", "subnet NSG"}, {"nic-nsg", "NIC NSG"}}) {
      Optional<String> seg = segments.stream().filter(e -> e.contains(level[1]) && e.matches("^(denied|allowed).*")).findFirst();
      if (seg.isPresent() && seg.get().startsWith("denied") && (f.get().status().equals("confirmed") || f.get().pointedTo())) {
        out.add(new Hop(lane, level[0], level[1], state(f.get()), seg.get()));
      } else if (seg.isPresent() && seg.get().startsWith("allowed")) {
        out.add(new Hop(lane, level[0], level[1], seg.get().contains("no NSG") ? State.NONE : State.OK, seg.get()));
      } else {
        out.add(new Hop(lane, level[0], level[1], State.SUSPECTED, "no backend address in the facts to evaluate the "
            + level[1] + " for; see the findings"));
      }
    }
    return out;
  }

  private static FlowVerdict evaluate(AzureFacts facts, String ip, Flow flow, Ingress ingress) {
    return FlowEvaluator.forNic(facts, ip, flow, ingress);
  }

  private static Hop clientHop(Diagnosis d, String ip, String clientIp, String source) {
    Optional<Diagnosis.CauseFinding> f = decisive(d, Set.of(PathHop.CLIENT), ip);
    String label = "client " + (clientIp != null ? clientIp : source.equals("Internet") ? "(any internet address)" : "(in the VNet)");
    return f.map(x -> new Hop("data", "client", label, state(x), x.cause() + ": " + first(x)))
        .orElse(new Hop("data", "client", label, State.OK, clientIp != null ? "the client's address was given" : "the client's address is not known"));
  }

  private static Hop ruleHop(Diagnosis d, Optional<LoadBalancingRule> rule) {
    String label = rule.map(r -> "rule " + r.name() + " " + r.protocol() + " " + r.frontendPort() + " \u2192 " + r.backendPort()).orElse("rule ?");
    Optional<Diagnosis.CauseFinding> f = decisive(d, Set.of(PathHop.RULE), null);
    if (f.isPresent()) {
      return new Hop("data", "rule", label, state(f.get()), f.get().cause() + ": " + first(f.get()));
    }
    return new Hop("data", "rule", label, rule.isPresent() ? State.OK : State.FAILING,
        rule.isPresent() ? "load-balancing rule in the facts" : "no load-balancing rule sends traffic to this pool");
  }

  private static Optional<Hop> routeHop(Diagnosis d, String ip, String lane) {
    return d.findings().stream().filter(f -> f.hop() == PathHop.ROUTE && concerns(f, ip) && !f.status().equals("ruled-out"))
        .findFirst().map(f -> new Hop(lane, "route", "return route (UDR)", state(f), f.cause() + ": " + first(f)));
  }

  private static Hop vmHop(String lane, Diagnosis d, String ip, Optional<VirtualMachine> vm, String label, Set<PathHop> hops) {
    if (vm.isPresent() && vm.get().powerState() != null && vm.get().powerState() != PowerState.RUNNING
        && vm.get().powerState() != PowerState.UNKNOWN) {
      return new Hop(lane, "vm", label, State.FAILING, "VM " + vm.get().name() + " is " + vm.get().powerState().name().toLowerCase(java.util.Locale.ROOT)
          + " (" + vm.get().origin() + ")");
    }
    Optional<Diagnosis.CauseFinding> f = decisive(d, hops, ip);
    return f.map(x -> new Hop(lane, "vm", label, state(x), x.cause() + ": " + first(x)))
        .orElse(new Hop(lane, "vm", label, State.OK, vm.map(v -> "VM " + v.name() + " is "
            + (v.powerState() == null ? "in an unknown state" : v.powerState().name().toLowerCase(java.util.Locale.ROOT))).orElse("no cause points here")));
  }

  /** The NSG hops of a lane: subnet then NIC, from the evaluator's decisions. */
  private static List<Hop> nsgHops(String lane, FlowVerdict v) {
    NsgDecision subnet = null;
    NsgDecision nic = null;
    NsgDecision both = null;
    for (NsgDecision x : v.decisions()) {
      if (x.level() == NsgLevel.SUBNET) {
        subnet = x;
      } else if (x.level() == NsgLevel.NIC) {
        nic = x;
      } else {
        both = x;
      }
    }
    if (both != null && subnet == null && nic == null) {
      subnet = both;
      nic = both;
    }
    String fallback = v.notes().isEmpty() ? "not evaluated" : v.notes().get(0);
    return List.of(nsgHop(lane, "subnet-nsg", "subnet NSG", subnet, fallback), nsgHop(lane, "nic-nsg", "NIC NSG", nic, fallback));
  }

  private static Hop nsgHop(String lane, String id, String what, NsgDecision x, String fallback) {
    if (x == null) {
      return new Hop(lane, id, what, State.SUSPECTED, fallback);
    }
    String label = what + (x.nsgName() == null ? "" : " " + x.nsgName());
    String why = x.describe();
    if (x.verdict() == Verdict.DENY) {
      return new Hop(lane, id, label, State.FAILING, why);
    }
    if (x.verdict() == Verdict.UNKNOWN) {
      return new Hop(lane, id, label, State.SUSPECTED, why);
    }
    return new Hop(lane, id, label, x.nsgId() == null && x.decidingRule() == null ? State.NONE : State.OK, why);
  }

  /** The strongest finding shown at these hops about this backend (confirmed, else suspected with a fact pointing to it). */
  private static Optional<Diagnosis.CauseFinding> decisive(Diagnosis d, Set<PathHop> hops, String ip) {
    return d.findings().stream().filter(f -> f.hop() != null && hops.contains(f.hop()) && concerns(f, ip))
        .filter(f -> f.status().equals("confirmed") || f.pointedTo())
        .min(java.util.Comparator.comparingInt(f -> f.status().equals("confirmed") ? 0 : 1));
  }

  private static boolean concerns(Diagnosis.CauseFinding f, String ip) {
    return ip == null || f.subjects().isEmpty() || f.subjects().contains(ip) || f.subjects().contains("*")
        || f.subjects().stream().noneMatch(s -> s.matches("[0-9.]+|[0-9a-fA-F:]+"));
  }

  private static State state(Diagnosis.CauseFinding f) {
    return f.status().equals("confirmed") ? State.FAILING : State.SUSPECTED;
  }

  private static String first(Diagnosis.CauseFinding f) {
    return f.evidence().isEmpty() ? f.status() : f.evidence().get(0);
  }
}
