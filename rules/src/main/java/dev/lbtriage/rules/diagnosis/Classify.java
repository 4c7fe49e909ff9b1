package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.facts.VmScaleSet;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.FlowVerification;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.Ingress;
import dev.lbtriage.rules.network.IpPrefix;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.RouteDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pure functions of the classification ({@link Classification}): raw facts in, classification facts out. No I/O.
 */
public final class Classify {
  private Classify() {}

  /**
   * The key of a value derived once per set of facts: its kind, the backend and client (by value), and the load
   * balancer, rule or probe it is about by identity, the very instances of these facts: equal instances would give
   * the same value, but hashing a load balancer's record walks all of it at every look-up (issue 20).
   */
  private record Key(String kind, Backend backend, Object first, Object second, String client) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.first == first && k.second == second && kind.equals(k.kind)
          && java.util.Objects.equals(backend, k.backend) && java.util.Objects.equals(client, k.client);
    }

    @Override
    public int hashCode() {
      return ((kind.hashCode() * 31 + java.util.Objects.hashCode(backend)) * 31 + System.identityHashCode(first)) * 31
          + System.identityHashCode(second) + java.util.Objects.hashCode(client);
    }
  }

  /** The backend a pool member stands for, resolved to its VM and power state. */
  public static Backend backend(AzureFacts facts, LoadBalancer lb, BackendPool pool, PoolMember m) {
    String vmId = m.vmId();
    if (vmId == null && m.nicId() != null) {
      vmId = facts.nic(m.nicId()).map(n -> n.vmId()).orElse(null);
    }
    if (vmId == null && m.vmssId() != null && m.vmssInstanceId() != null) {
      vmId = m.vmssId() + "/virtualMachines/" + m.vmssInstanceId(); // the instance, with its own instance view
    }
    Optional<VirtualMachine> vm = vmId == null ? Optional.empty() : facts.vm(vmId);
    PowerState state = vm.map(VirtualMachine::powerState).orElse(PowerState.UNKNOWN);
    String vmName = vm.map(VirtualMachine::name).orElse(vmId == null || m.vmssId() != null ? null : ArmId.name(vmId));
    if (vmName == null && m.vmssId() != null) {
      vmName = ArmId.name(m.vmssId()) + (m.vmssInstanceId() == null ? "" : "_" + m.vmssInstanceId());
    }
    String origin = vm.map(v -> v.origin().file()).orElse(null);
    String ip = m.ipAddress();
    if (ip == null && m.nicId() != null) { // a NIC-based member: its address is on the NIC's IP configuration
      ip = facts.nic(m.nicId()).flatMap(n -> n.ipConfigurations().stream().filter(c -> ArmId.same(c.id(), m.ipConfigurationId()))
          .map(dev.lbtriage.rules.facts.NicIpConfiguration::privateIp).filter(a -> a != null).findFirst()).orElse(null);
    }
    return new Backend(lb.id(), pool.id(), ip == null ? "?" : ip, m.nicId(), vmId, vmName,
        m.vmssId(), state, origin);
  }

  /** The probe health of a backend from a {@code DipAvailability} series, or null when the series has no points. */
  public static ProbeHealth probeHealth(MetricSeries series, String backendIp) {
    return series.points().stream()
        .filter(p -> p.average() != null || p.minimum() != null)
        .max(Comparator.comparing(MetricSeries.Point::time))
        .map(p -> {
          double value = p.average() != null ? p.average() : p.minimum();
          String port = series.dimension("BackendPort");
          String where = backendIp + (port == null ? "" : ":" + port);
          return new ProbeHealth(backendIp, value, value <= 0.0,
              series.metric() + " " + format(value) + "% at " + p.time() + " for " + where + " (" + series.origin().file() + ")");
        })
        .orElse(null);
  }

  /** The scale sets whose network-profile health probe is a rule's probe while they sit in its pool. */
  public static List<ScaleSetProbe> scaleSetProbes(AzureFacts facts, dev.lbtriage.rules.facts.LoadBalancingRule rule) {
    List<ScaleSetProbe> out = new ArrayList<>();
    if (rule.probeId() == null) {
      return out;
    }
    for (VmScaleSet vmss : facts.vmScaleSets()) {
      boolean inPool = vmss.backendPoolIds().stream().anyMatch(p -> rule.backendPoolIds().stream().anyMatch(r -> ArmId.same(p, r)));
      if (inPool && ArmId.same(vmss.healthProbeId(), rule.probeId())) {
        out.add(new ScaleSetProbe(rule.id(), rule.name(), vmss.id(), rule.probeId(),
            "scale set " + vmss.name() + " uses probe " + ArmId.name(rule.probeId()) + " as its health probe and sits in pool "
                + rule.backendPoolIds().stream().map(ArmId::name).toList() + " of rule " + rule.name()
                + " (" + vmss.origin().file() + ")"));
      }
    }
    return out;
  }

  public static ClientIsBackend clientIsBackend(String client, Backend b) {
    return new ClientIsBackend(client, "client " + client + " is backend " + (b.vmName() == null ? b.ip() : b.vmName())
        + " of pool " + ArmId.name(b.poolId()));
  }

  /** The probe source, as Azure documents it. */
  public static final String PROBE_SOURCE_IP = dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP;

  /** True when a load-balancing rule sends to the pool. */
  public static boolean sendsTo(LoadBalancingRule rule, String poolId) {
    return rule.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, poolId));
  }

  /**
   * The NSGs' verdict on the probe flow, AzureLoadBalancer to the backend's probe port, inbound
   * only: NSGs are stateful, so the reply to an admitted probe is never judged by outbound rules.
   * Network Watcher's answer for the flow, when the facts have one, is the verdict in force.
   */
  public static ProbeFlow probeFlow(AzureFacts facts, Backend b, LoadBalancingRule rule, HealthProbe probe) {
    return facts.derived(new Key("probe flow", b, rule, probe, null), f -> evaluateProbeFlow(f, b, rule, probe));
  }

  private static ProbeFlow evaluateProbeFlow(AzureFacts facts, Backend b, LoadBalancingRule rule, HealthProbe probe) {
    if (ProbeSource.ipv6(b.ip())) {
      return ProbeSource.ipv6ProbeFlow(b, rule, probe);
    }
    FlowVerdict v = FlowEvaluator.forNic(facts, b.nicId() != null ? b.nicId() : b.ip(), TrafficFlows.probe(probe, b.ip()));
    String what = backendLabel(b) + ", rule " + rule.name() + ", probe " + probe.name() + ": ";
    Optional<FlowVerification> azure = verification(facts, b.ip(), probe.port(), PROBE_SOURCE_IP);
    Verdict offline = verdict(v);
    if (azure.isPresent()) {
      Verdict theirs = azure.get().access() == Access.ALLOW ? Verdict.ALLOWED : Verdict.DENIED;
      return new ProbeFlow(b.ip(), probe.id(), rule.id(), probe.port(), theirs, offline, true,
          what + azureEvidence(azure.get(), offline, v), theirs == Verdict.DENIED ? azureDeciding(facts, b, azure.get(), v) : null);
    }
    return new ProbeFlow(b.ip(), probe.id(), rule.id(), probe.port(), offline, offline, false, what + oneLine(v), deciding(facts, v));
  }

  /**
   * The NSGs' verdict on client traffic to the backend's data port (inbound only, see
   * {@link #probeFlow}), through the rule's frontend ({@link Ingress}: a Standard public frontend
   * with no NSG at all is closed). With the client's IP: for that address. Without it: for every
   * client, never for an assumed one (see {@link DataFlow}).
   */
  public static DataFlow dataFlow(AzureFacts facts, LoadBalancer lb, Backend b, LoadBalancingRule rule, String clientIp) {
    return facts.derived(new Key("data flow", b, lb, rule, clientIp), f -> evaluateDataFlow(f, lb, b, rule, clientIp));
  }

  private static DataFlow evaluateDataFlow(AzureFacts facts, LoadBalancer lb, Backend b, LoadBalancingRule rule, String clientIp) {
    if (ProbeSource.ipv6(b.ip())) {
      return ProbeSource.ipv6DataFlow(b, rule, clientIp);
    }
    String nic = b.nicId() != null ? b.nicId() : b.ip();
    return dataFlowVia(facts, nic, b.ip(), lb, b, rule, clientIp, backendLabel(b) + ", rule " + rule.name() + ": ", "", true);
  }

  /**
   * {@link #dataFlow} evaluated against the NSGs of {@code nic} for traffic to {@code destination}: the
   * backend's own NIC and address, or (for scale set instances whose NIC is not in the facts) the
   * model's NIC configuration and subnet. {@code note} ends every evidence line; Network Watcher's
   * answers are used only when {@code useAzure} (they are about one real address).
   */
  static DataFlow dataFlowVia(AzureFacts facts, String nic, String destination, LoadBalancer lb, Backend b,
      LoadBalancingRule rule, String clientIp, String what, String note, boolean useAzure) {
    // which flows: TrafficFlows, the one definition show uses too (source, floating IP, port, protocol All)
    int port = TrafficFlows.port(rule);
    Ingress ingress = Ingress.of(lb, rule);
    List<FlowVerdict> vs = TrafficFlows.evaluate(facts, nic, TrafficFlows.data(lb, rule, destination, clientIp), ingress);
    Verdict every = every(vs);
    String lines = String.join("; ", vs.stream().map(Classify::oneLine).toList());
    FlowVerdict denying = vs.stream().filter(x -> verdict(x) == Verdict.DENIED).findFirst().orElse(vs.get(0));
    if (clientIp != null) {
      Optional<FlowVerification> azure = !useAzure || port == Flow.ANY_PORT ? Optional.empty()
          : verification(facts, b.ip(), port, clientIp);
      if (azure.isPresent()) {
        Verdict theirs = azure.get().access() == Access.ALLOW ? Verdict.ALLOWED : Verdict.DENIED;
        return new DataFlow(b.ip(), rule.id(), rule.backendPort(), clientIp, true, theirs, every, true,
            what + azureEvidence(azure.get(), every, denying) + note,
            theirs == Verdict.DENIED ? azureDeciding(facts, b, azure.get(), denying) : null);
      }
      return new DataFlow(b.ip(), rule.id(), rule.backendPort(), clientIp, true, every, every, false,
          what + lines + note, every == Verdict.DENIED ? deciding(facts, denying) : null);
    }
    // every client: the internet's flows (one per protocol), then the virtual network's
    List<FlowVerdict> outside = vs.stream().filter(x -> x.flow().source().equals(dev.lbtriage.rules.network.ServiceTags.INTERNET)).toList();
    String all = String.join("; ", outside.stream().map(Classify::oneLine).toList()) + "; "
        + String.join("; ", vs.stream().filter(x -> !outside.contains(x)).map(Classify::oneLine).toList());
    boolean sameDecisions = vs.stream().map(Classify::decisions).distinct().count() == 1;
    String evidence;
    if (every == Verdict.DENIED && sameDecisions) {
      FlowVerdict v = vs.get(0);
      String protocols = String.join("/", TrafficFlows.protocols(rule).stream().map(String::valueOf).toList());
      evidence = what + "every client is denied, whatever its address (from the internet and from the virtual network): "
          + protocols + " -> " + v.flow().destinationIp() + ":" + (port == Flow.ANY_PORT ? "*" : port) + ": " + decisions(v);
    } else if (every == Verdict.DENIED) {
      evidence = what + "every client is denied, whatever its address: " + all;
    } else if (every == Verdict.ALLOWED) {
      evidence = what + "clients are allowed from the internet and from the virtual network: " + all;
    } else {
      evidence = what + "the client's own address decides (not known): " + all;
    }
    return new DataFlow(b.ip(), rule.id(), rule.backendPort(), "any client", false, every, every, false, evidence + note,
        every == Verdict.DENIED ? deciding(facts, outside.isEmpty() ? denying : outside.get(0)) : null);
  }

  /** The verdict on every flow: theirs when they agree, else unknown (which one is used decides). */
  private static Verdict every(List<FlowVerdict> vs) {
    Verdict first = verdict(vs.get(0));
    return vs.stream().allMatch(v -> verdict(v) == first) ? first : Verdict.UNKNOWN;
  }

  /** {@code backend 10.0.0.4 (vm-web-1) in pool be-lb}. */
  static String backendLabel(Backend b) {
    return "backend " + b.ip() + (b.vmName() == null ? "" : " (" + b.vmName() + ")") + " in pool " + ArmId.name(b.poolId());
  }

  /** Network Watcher's answer for an inbound TCP flow from {@code remote} to {@code ip:port}, if the facts have one. */
  static Optional<FlowVerification> verification(AzureFacts facts, String ip, int port, String remote) {
    return facts.flowVerifications().stream()
        .filter(f -> f.direction() == Direction.INBOUND && f.protocol() == TransportProtocol.TCP)
        .filter(f -> ip.equals(f.localIp()) && f.localPort() == port && sameAddress(f.remoteIp(), remote))
        .findFirst();
  }

  private static boolean sameAddress(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    if (IpPrefix.isAddress(a) && IpPrefix.isAddress(b)) {
      return IpPrefix.parse(a).equals(IpPrefix.parse(b));
    }
    return a.trim().equalsIgnoreCase(b.trim());
  }

  private static String azureEvidence(FlowVerification azure, Verdict offline, FlowVerdict v) {
    String ours = offline == Verdict.UNKNOWN ? "the offline evaluation of the gathered NSG rules could not decide"
        : "the offline evaluation of the gathered NSG rules says " + v.verdict();
    String agree = offline == (azure.access() == Access.ALLOW ? Verdict.ALLOWED : Verdict.DENIED) ? "; the offline evaluation agrees"
        : "; " + ours + " (" + oneLine(v) + "); Azure's verdict is the one in force";
    return azure.describe() + agree;
  }

  /** The rule Azure named, found in the backend's NIC or subnet NSG, else what the offline evaluation denied by. */
  private static DecidingRule azureDeciding(AzureFacts facts, Backend b, FlowVerification azure, FlowVerdict v) {
    String bare = azure.ruleName() == null ? "" : azure.ruleName().substring(azure.ruleName().lastIndexOf('/') + 1);
    List<String> nsgIds = new ArrayList<>();
    facts.nic(b.nicId()).ifPresent(n -> {
      if (n.nsgId() != null) {
        nsgIds.add(n.nsgId());
      }
      n.ipConfigurations().stream().filter(c -> b.ip().equals(c.privateIp())).findFirst()
          .flatMap(c -> facts.subnet(c.subnetId())).map(dev.lbtriage.rules.facts.Subnet::nsgId).ifPresent(nsgIds::add);
    });
    for (String id : nsgIds) {
      Optional<NetworkSecurityGroup> nsg = facts.nsg(id);
      Optional<SecurityRule> r = nsg.flatMap(n -> n.rules().stream().filter(x -> x.name().equalsIgnoreCase(bare)).findFirst());
      if (r.isPresent()) {
        List<Integer> used = nsg.get().rules().stream().filter(x -> x.direction() == Direction.INBOUND).map(SecurityRule::priority).toList();
        return new DecidingRule(id, r.get().name(), r.get().priority(), used);
      }
    }
    return deciding(facts, v);
  }

  /** Where the backend's replies to the probe source go, or null when its routes are not known. */
  public static BackendRoute backendRoute(AzureFacts facts, Backend b) {
    return facts.derived(new Key("backend route", b, null, null, null), f -> Optional.ofNullable(evaluateBackendRoute(f, b))).orElse(null);
  }

  private static BackendRoute evaluateBackendRoute(AzureFacts facts, Backend b) {
    RouteDecision d = TrafficFlows.probeReplyRoute(facts, b.nicId() != null ? b.nicId() : b.ip());
    if (!d.found()) {
      return null;
    }
    boolean diverted = d.forcedToVirtualAppliance() || d.dropped();
    return new BackendRoute(b.ip(), diverted, "replies from " + b.ip() + " to " + PROBE_SOURCE_IP + " take " + d.describe(),
        d.routeName(), d.routeTableName(), d.prefix(), d.nextHopIps().isEmpty() ? null : d.nextHopIps().get(0));
  }

  static Verdict verdictOf(FlowVerdict v) {
    return verdict(v);
  }

  static String oneLineOf(FlowVerdict v) {
    return oneLine(v);
  }

  static DecidingRule decidingOf(AzureFacts facts, FlowVerdict v) {
    return deciding(facts, v);
  }

  private static Verdict verdict(FlowVerdict v) {
    return switch (v.verdict()) {
      case ALLOW -> Verdict.ALLOWED;
      case DENY -> Verdict.DENIED;
      case UNKNOWN -> Verdict.UNKNOWN;
    };
  }

  /** The NSG levels' decisions and notes of a verdict, one line, without the flow. */
  private static String decisions(FlowVerdict v) {
    String all = oneLine(v);
    int cut = all.indexOf("; ");
    return cut < 0 ? all : all.substring(cut + 2);
  }

  private static String oneLine(FlowVerdict v) {
    return v.describe().replace("\n  ", "; ");
  }

  private static DecidingRule deciding(AzureFacts facts, FlowVerdict v) {
    return v.denyingDecision().filter(d -> d.decidingRule() != null).map(d -> {
      SecurityRule r = d.decidingRule();
      String name = r.name().contains("/") ? r.name().substring(r.name().indexOf('/') + 1) : r.name();
      String nsgId = d.nsgId() != null ? d.nsgId() : r.nsgId();
      List<Integer> used = facts.nsg(nsgId).map(NetworkSecurityGroup::rules).orElse(List.of()).stream()
          .filter(x -> x.direction() == Direction.INBOUND).map(SecurityRule::priority).toList();
      return new DecidingRule(nsgId, name, r.priority(), used);
    }).orElse(null);
  }

  static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
