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
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.RouteDecision;
import dev.lbtriage.rules.network.RouteEvaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pure functions the classification rules call: raw facts in, classification facts out. No I/O.
 */
public final class Classify {
  private Classify() {}

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
    return new Backend(lb.id(), pool.id(), m.ipAddress() == null ? "?" : m.ipAddress(), m.nicId(), vmId, vmName,
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
  public static final String PROBE_SOURCE_IP = "168.63.129.16";

  /** True when a load-balancing rule sends to the pool. */
  public static boolean sendsTo(LoadBalancingRule rule, String poolId) {
    return rule.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, poolId));
  }

  /** The NSGs' verdict on the probe flow, AzureLoadBalancer to the backend's probe port. */
  public static ProbeFlow probeFlow(AzureFacts facts, Backend b, HealthProbe probe) {
    if (ProbeSource.ipv6(b.ip())) {
      return ProbeSource.ipv6ProbeFlow(b, probe);
    }
    Flow flow = Flow.inbound("AzureLoadBalancer", b.ip(), probe.port(), TransportProtocol.TCP);
    FlowVerdict v = FlowEvaluator.forNic(facts, b.nicId() != null ? b.nicId() : b.ip(), flow);
    return new ProbeFlow(b.ip(), probe.id(), probe.port(), verdict(v), "probe " + probe.name() + ": " + oneLine(v), deciding(facts, v));
  }

  /**
   * The NSGs' verdict on client traffic to the backend's data port: from the client the user named,
   * else from {@code Internet} (public load balancer) or {@code VirtualNetwork} (internal one).
   */
  public static DataFlow dataFlow(AzureFacts facts, LoadBalancer lb, Backend b, LoadBalancingRule rule, String clientIp) {
    if (ProbeSource.ipv6(b.ip())) {
      return ProbeSource.ipv6DataFlow(b, rule, clientIp);
    }
    String source = clientIp != null ? clientIp : lb.internal() ? "VirtualNetwork" : "Internet";
    int port = rule.backendPort() == 0 ? Flow.ANY_PORT : rule.backendPort();
    TransportProtocol protocol = rule.protocol() == TransportProtocol.ALL ? TransportProtocol.TCP : rule.protocol();
    Flow flow = Flow.inbound(source, b.ip(), port, protocol);
    FlowVerdict v = FlowEvaluator.forNic(facts, b.nicId() != null ? b.nicId() : b.ip(), flow);
    return new DataFlow(b.ip(), rule.id(), rule.backendPort(), source, clientIp != null, verdict(v),
        "rule " + rule.name() + ": " + oneLine(v), deciding(facts, v));
  }

  /** Where the backend's replies to the probe source go, or null when its routes are not known. */
  public static BackendRoute backendRoute(AzureFacts facts, Backend b) {
    RouteDecision d = RouteEvaluator.forNic(facts, b.nicId() != null ? b.nicId() : b.ip(), PROBE_SOURCE_IP);
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
