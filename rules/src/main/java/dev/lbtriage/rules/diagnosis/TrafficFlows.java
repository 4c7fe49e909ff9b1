package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VmScaleSet;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.Ingress;
import dev.lbtriage.rules.network.RouteDecision;
import dev.lbtriage.rules.network.RouteEvaluator;
import dev.lbtriage.rules.network.ServiceTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that says which flows a load balancer sends to a backend, used by the
 * classification ({@link Classification}, {@link Classify}, {@link ScaleSetModel}) and by {@code show}, so that they
 * can never disagree:
 *
 * <ul>
 *   <li>the health probe: TCP (whatever the probe's protocol) from {@code AzureLoadBalancer}
 *       ({@link ServiceTags#AZURE_LOAD_BALANCER_IP}) to the backend's own address and the probe's port;
 *   <li>a rule's clients: from the client's address when known, else from every client, never an
 *       assumed one (from the internet and from the virtual network; {@link #clientTag} is the one
 *       an allow rule for the frontend's clients names); to the frontend's address when the rule uses floating IP (Azure leaves it as
 *       the destination), else to the backend's; on the backend port (any port for HA ports); over
 *       TCP and UDP for a rule of protocol {@code All}, else over the rule's protocol.
 * </ul>
 *
 * {@link #of} lists the verdicts the rules hold for a backend (the same objects, cached with the
 * facts), each with the per-flow details {@code show} prints.
 */
public final class TrafficFlows {
  private TrafficFlows() {}

  /** The health probe's flow to a backend address. */
  public static Flow probe(HealthProbe probe, String destination) {
    return Flow.inbound(ServiceTags.AZURE_LOAD_BALANCER, destination, probe.port(), TransportProtocol.TCP);
  }

  /** The destination port of a rule's traffic at the backend: {@link Flow#ANY_PORT} for HA ports. */
  public static int port(LoadBalancingRule rule) {
    return rule.backendPort() == 0 ? Flow.ANY_PORT : rule.backendPort();
  }

  /** The protocols a rule forwards: TCP and UDP for {@code All}. */
  public static List<TransportProtocol> protocols(LoadBalancingRule rule) {
    return rule.protocol() == TransportProtocol.ALL ? List.of(TransportProtocol.TCP, TransportProtocol.UDP)
        : List.of(rule.protocol());
  }

  /** The rule's frontend, if the facts have it. */
  public static Optional<Frontend> frontend(LoadBalancer lb, LoadBalancingRule rule) {
    return lb.frontends().stream().filter(f -> ArmId.same(f.id(), rule.frontendId())).findFirst();
  }

  /** Whether the rule's clients come through a public frontend (the load balancer's kind when the frontend is not known). */
  public static boolean publicFrontend(LoadBalancer lb, LoadBalancingRule rule) {
    return frontend(lb, rule).map(Frontend::isPublic).orElse(!lb.internal());
  }

  /**
   * The service tag every client of the rule falls under: {@code Internet} through a public frontend,
   * {@code VirtualNetwork} (the VNet, its peerings and connected networks) through an internal one. What
   * an allow rule for "every client" names.
   */
  public static String clientTag(LoadBalancer lb, LoadBalancingRule rule) {
    return publicFrontend(lb, rule) ? ServiceTags.INTERNET : ServiceTags.VIRTUAL_NETWORK;
  }

  /**
   * The destination of a rule's packets at the backend: the frontend's address with floating IP (when
   * known), else {@code backendAddress}.
   */
  public static String destination(LoadBalancer lb, LoadBalancingRule rule, String backendAddress) {
    if (!rule.floatingIp()) {
      return backendAddress;
    }
    return frontend(lb, rule).map(Frontend::address).filter(a -> a != null && !a.isBlank()).orElse(backendAddress);
  }

  /** Why a floating-IP rule was evaluated to the backend's address, or null when it was not. */
  public static String destinationNote(LoadBalancer lb, LoadBalancingRule rule, String backendAddress) {
    if (rule.floatingIp() && destination(lb, rule, backendAddress).equals(backendAddress)) {
      return "rule " + rule.name() + " uses floating IP but the frontend's address is not known; evaluated to "
          + backendAddress + " instead";
    }
    return null;
  }

  /**
   * Where a rule's clients come from: the client's address when known; else every client, never an
   * assumed one: from the internet and from the virtual network ({@link DataFlow}: denied only when
   * denied from both).
   */
  public static List<String> sources(String clientIp) {
    return clientIp != null ? List.of(clientIp) : List.of(ServiceTags.INTERNET, ServiceTags.VIRTUAL_NETWORK);
  }

  /** The flows of a rule's clients to a backend: for each of {@link #sources}, one per protocol. */
  public static List<Flow> data(LoadBalancer lb, LoadBalancingRule rule, String backendAddress, String clientIp) {
    String destination = destination(lb, rule, backendAddress);
    List<Flow> flows = new ArrayList<>();
    for (String source : sources(clientIp)) {
      for (TransportProtocol p : protocols(rule)) {
        flows.add(Flow.inbound(source, destination, port(rule), p));
      }
    }
    return flows;
  }

  /** Each flow's verdict at a NIC, through the rule's frontend. */
  public static List<FlowVerdict> evaluate(AzureFacts facts, String nicIdOrIp, List<Flow> flows, Ingress ingress) {
    return flows.stream().map(f -> FlowEvaluator.forNic(facts, nicIdOrIp, f, ingress)).toList();
  }

  /** Where a backend's replies to the probe source go (effective routes, else the route tables), not found when unknown. */
  public static RouteDecision probeReplyRoute(AzureFacts facts, String nicIdOrIp) {
    return RouteEvaluator.forNic(facts, nicIdOrIp, ServiceTags.AZURE_LOAD_BALANCER_IP);
  }

  /**
   * One verdict on a backend's traffic, as the rules hold it.
   *
   * @param probe the probe, null for a rule's client traffic
   * @param verdict the verdict in force ({@link ProbeFlow#verdict()} or {@link DataFlow#verdict()})
   * @param flows each flow evaluated offline, for the details (empty when not evaluated, e.g. IPv6)
   * @param fromModel evaluated at a NIC made from the scale set model (the instance's NIC is not in the facts)
   */
  public record Traffic(LoadBalancingRule rule, HealthProbe probe, Verdict verdict, boolean byAzure, String evidence,
      List<FlowVerdict> flows, boolean fromModel) {
    public Traffic {
      flows = List.copyOf(flows);
    }

    public boolean isProbe() {
      return probe != null;
    }
  }

  /**
   * Every verdict the classification holds for one backend: for each rule sending to its pool,
   * the probe flow (when the rule has a probe) and the clients' flow, from {@code clientIp} or every
   * client. Evaluated at the backend's NIC when its address is known, and from the scale set model
   * when the instance's NIC is not in the facts (both, as the classification does, when both apply).
   */
  public static List<Traffic> of(AzureFacts facts, LoadBalancer lb, Backend b, String clientIp) {
    List<Traffic> out = new ArrayList<>();
    VmScaleSet model = ScaleSetModel.of(facts, b);
    boolean known = !"?".equals(b.ip());
    for (LoadBalancingRule r : lb.rules()) {
      if (!Classify.sendsTo(r, b.poolId())) {
        continue;
      }
      Optional<HealthProbe> probe = r.probeId() == null ? Optional.empty()
          : lb.probes().stream().filter(p -> ArmId.same(p.id(), r.probeId())).findFirst();
      String nic = b.nicId() != null ? b.nicId() : b.ip();
      boolean ipv6 = ProbeSource.ipv6(b.ip());
      if (known) {
        probe.ifPresent(p -> {
          ProbeFlow f = Classify.probeFlow(facts, b, r, p);
          out.add(new Traffic(r, p, f.verdict(), f.byAzure(), f.evidence(),
              ipv6 ? List.of() : evaluate(facts, nic, List.of(probe(p, b.ip())), Ingress.DIRECT), false));
        });
        DataFlow d = Classify.dataFlow(facts, lb, b, r, clientIp);
        out.add(new Traffic(r, null, d.verdict(), d.byAzure(), d.evidence(),
            ipv6 ? List.of() : evaluate(facts, nic, data(lb, r, b.ip(), clientIp), Ingress.of(lb, r)), false));
      }
      if (model != null) {
        AzureFacts withModel = ScaleSetModel.withModelNic(facts, model);
        String at = ScaleSetModel.nicId(model);
        String to = ScaleSetModel.destination(facts, b, model);
        probe.ifPresent(p -> {
          ProbeFlow f = ScaleSetModel.probeFlow(facts, b, model, r, p);
          out.add(new Traffic(r, p, f.verdict(), f.byAzure(), f.evidence(),
              evaluate(withModel, at, List.of(probe(p, to)), Ingress.DIRECT), true));
        });
        DataFlow d = ScaleSetModel.dataFlow(facts, lb, b, model, r, clientIp);
        out.add(new Traffic(r, null, d.verdict(), d.byAzure(), d.evidence(),
            evaluate(withModel, at, data(lb, r, to, clientIp), Ingress.of(lb, r)), true));
      }
    }
    return out;
  }
}
