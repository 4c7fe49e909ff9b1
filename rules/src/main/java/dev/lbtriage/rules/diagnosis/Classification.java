package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthEvent;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.ResourceHealth;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Classification: raw Azure facts -> what they mean for the load balancer under triage ({@link Backend}, {@link
 * ProbeHealth}, {@link Suspect}, {@link ProbeFlow}, {@link DataFlow}, {@link BackendRoute}, {@link ScaleSetProbe},
 * {@link ClientIsBackend}, {@link Notice}, and the {@link SymptomSeen} the facts show). Computed here in plain Java,
 * once per set of facts, and inserted into the rule session as facts: the symptom rules ({@code <symptom-id>.drl})
 * decide causes from them and decide nothing here (issue 20: as Drools joins this was most of a fleet scan's time).
 * Only the client's address the user gave ({@link #CLIENT_IP}) changes it during a conversation
 * ({@link #ofClient}); which backends no finding explains yet depends on the findings and stays a rule
 * ({@code classify-unexplained.drl}). Each value is an equal-once set in a stable order: what the rules used to
 * insert logically (equal values were one fact).
 */
public final class Classification {
  private Classification() {}

  /** The question whose answer (the client's address) changes the classification: the data flows and {@link ClientIsBackend}. */
  public static final String CLIENT_IP = "client-ip";

  /** The symptoms Azure's health events and Resource Health can show (the KB's ids). */
  static final String PROBE_DOWN = "probe-down";
  static final String DATA_PORT_DOWN = "data-port-down";

  private record FactsKey(String loadBalancerId) {}

  private record ClientKey(String loadBalancerId, String client) {}

  /**
   * What the facts alone say about the load balancer {@code loadBalancerId} (no answer, no symptom): kept with the
   * facts, so a second session of the same facts (a conversation's next diagnosis, {@code show}) does not compute it
   * again. Unmodifiable.
   */
  public static List<Object> ofFacts(AzureFacts facts, String loadBalancerId) {
    return facts.derived(new FactsKey(loadBalancerId), f -> List.copyOf(classify(f, loadBalancerId)));
  }

  /**
   * What the client's address adds, {@code client} being the answer to {@link #CLIENT_IP} (null when not given): the
   * data flows from that address when it is known, else from every client; {@link ClientIsBackend} when a backend
   * has that address. Unmodifiable.
   */
  public static List<Object> ofClient(AzureFacts facts, String loadBalancerId, Answer client) {
    String known = client != null && client.known() ? client.value() : null;
    String given = client == null ? null : client.value();
    return facts.derived(new ClientKey(loadBalancerId, given), f -> List.copyOf(classifyClient(f, loadBalancerId, known, given)));
  }

  /** What Azure's own reports show of the symptoms under triage ({@link SymptomSeen}). */
  public static List<Object> ofTriages(AzureFacts facts, String loadBalancerId, List<Triage> triages) {
    Set<Object> out = new LinkedHashSet<>();
    List<HealthEvent> events = healthEvents(facts, loadBalancerId);
    List<ResourceHealth> health = resourceHealth(facts, loadBalancerId);
    for (Triage t : triages) {
      boolean probeOrData = PROBE_DOWN.equals(t.symptom()) || DATA_PORT_DOWN.equals(t.symptom());
      for (HealthEvent e : events) {
        if (probeOrData && e.is(HealthEvent.NO_HEALTHY_BACKENDS)) {
          out.add(new SymptomSeen(t.symptom(), "*", e.describe()));
        }
        if (DATA_PORT_DOWN.equals(t.symptom()) && e.dataPath()) {
          out.add(new SymptomSeen(t.symptom(), "*", e.describe()));
        }
      }
      for (ResourceHealth h : health) {
        if (h.impaired()) {
          out.add(new SymptomSeen(t.symptom(), "*", h.describe()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The load balancers the session holds: those of the facts with the id under triage. */
  static List<LoadBalancer> loadBalancers(AzureFacts facts, String loadBalancerId) {
    return facts.loadBalancers().stream().filter(lb -> ArmId.same(lb.id(), loadBalancerId)).toList();
  }

  /** The metric series the session holds: those of the load balancer, or of no resource. */
  static List<MetricSeries> metrics(AzureFacts facts, String loadBalancerId) {
    List<LoadBalancer> lbs = loadBalancers(facts, loadBalancerId);
    return facts.metrics().stream().filter(m -> m.resourceId() == null || lbs.stream().anyMatch(lb -> ArmId.same(m.resourceId(), lb.id())))
        .toList();
  }

  /** The health events the session holds: those of the load balancer, or of none named. */
  static List<HealthEvent> healthEvents(AzureFacts facts, String loadBalancerId) {
    List<LoadBalancer> lbs = loadBalancers(facts, loadBalancerId);
    return facts.healthEvents().stream()
        .filter(e -> e.loadBalancerId() == null || lbs.stream().anyMatch(lb -> ArmId.same(e.loadBalancerId(), lb.id()))).toList();
  }

  /** Resource Health of the load balancer. */
  static List<ResourceHealth> resourceHealth(AzureFacts facts, String loadBalancerId) {
    List<LoadBalancer> lbs = loadBalancers(facts, loadBalancerId);
    return facts.resourceHealth().stream().filter(h -> lbs.stream().anyMatch(lb -> ArmId.same(h.resourceId(), lb.id()))).toList();
  }

  private static Set<Object> classify(AzureFacts facts, String lbId) {
    List<LoadBalancer> lbs = loadBalancers(facts, lbId);
    List<LoadBalancer> underTriage = lbs.stream().filter(lb -> Objects.equals(lbId, lb.id())).toList();
    List<LoadBalancingRule> rules = lbs.stream().flatMap(lb -> lb.rules().stream()).filter(r -> Objects.equals(lbId, r.loadBalancerId())).toList();
    List<HealthProbe> probes = lbs.stream().flatMap(lb -> lb.probes().stream()).toList();
    Set<Object> out = new LinkedHashSet<>();

    // the backends: every member of the load balancer's pools, resolved to NIC, VM and power state
    Set<Backend> backends = new LinkedHashSet<>();
    for (LoadBalancer lb : underTriage) {
      for (BackendPool pool : lbs.stream().flatMap(l -> l.pools().stream()).filter(p -> Objects.equals(lbId, p.loadBalancerId())).toList()) {
        for (PoolMember m : pool.members()) {
          backends.add(Classify.backend(facts, lb, pool, m));
        }
      }
    }
    out.addAll(backends);

    // probe health (DipAvailability per backend address), what it shows, and the backends the questions go to
    Set<ProbeHealth> health = new LinkedHashSet<>();
    List<MetricSeries> dips = metrics(facts, lbId).stream().filter(m -> m.is("DipAvailability")).toList();
    for (Backend b : backends) {
      for (MetricSeries m : dips) {
        if (Objects.equals(m.dimension("BackendIPAddress"), b.ip())) {
          ProbeHealth h = Classify.probeHealth(m, b.ip());
          if (h != null) {
            health.add(h);
          }
        }
      }
    }
    out.addAll(health);
    List<ProbeHealth> failing = health.stream().filter(ProbeHealth::failing).toList();
    failing.forEach(h -> out.add(new SymptomSeen(PROBE_DOWN, h.backendIp(), h.evidence())));
    failing.forEach(h -> out.add(new Suspect(h.backendIp(), h.evidence())));
    if (failing.isEmpty()) {
      backends.forEach(b -> out.add(new Suspect(b.ip(), "no probe health metric names a failing backend")));
    }

    // scale sets whose health probe is a rule's probe
    for (LoadBalancingRule r : rules) {
      if (r.probeId() != null) {
        out.addAll(Classify.scaleSetProbes(facts, r));
      }
    }

    // the probe's flow to each backend, through the NSGs (its own NIC, and the scale set model when its NIC is not here)
    for (Backend b : backends) {
      VmScaleSet model = b.vmssId() == null ? null : ScaleSetModel.of(facts, b);
      for (LoadBalancingRule r : rules) {
        if (r.probeId() == null || !Classify.sendsTo(r, b.poolId())) {
          continue;
        }
        for (HealthProbe p : probes) {
          if (ArmId.same(p.id(), r.probeId())) {
            if (!"?".equals(b.ip())) {
              out.add(Classify.probeFlow(facts, b, r, p));
            }
            if (model != null) {
              out.add(ScaleSetModel.probeFlow(facts, b, model, r, p));
            }
          }
        }
      }
    }

    // where each backend's replies to the probe source go
    for (Backend b : backends) {
      if (!"?".equals(b.ip())) {
        BackendRoute route = Classify.backendRoute(facts, b);
        if (route != null) {
          out.add(route);
        }
      }
    }

    // scale set instances whose addresses are not in the facts
    for (Backend b : backends) {
      if (b.vmssId() != null && "?".equals(b.ip())) {
        for (VmScaleSet s : facts.vmScaleSets()) {
          if (ArmId.same(s.id(), b.vmssId())) {
            out.add(new Notice("scale-set-instance-ips-unknown", s.name(), "The instance NICs of scale set " + s.name()
                + " are not in the facts, so the instances' private IPs are unknown and checks that need an address show '?'."
                + " List them with: az vmss nic list -g " + s.resourceGroup() + " --vmss-name " + s.name()
                + " --query \"[].ipConfigurations[0].privateIPAddress\" -o tsv (save the full output in the snapshot as vmss-"
                + s.name() + "-nics.json to have them read)."));
          }
        }
      }
    }

    notices(facts, lbId, lbs, underTriage, out);
    return out;
  }

  /**
   * What the engineer must be told that is no cause (see {@link Notice}):
   * <ul>
   *   <li>LoadBalancerHealthEvent logs (ALBHealthEvent): DataPathAvailabilityWarning/Critical are platform issues;
   *       HighSnatPortUsage/SnatPortExhaustion are outbound (SNAT) problems, outside the seed's causes: a pointer, never
   *       a cause (https://learn.microsoft.com/azure/load-balancer/load-balancer-health-event-logs);
   *   <li>the Basic SKU, retired on 30 September 2025, with the upgrade path ({@link LbSku#retirementNotice});
   *   <li>IPv6 frontends: not evaluated, and said so ({@link ProbeSource}).
   * </ul>
   */
  private static void notices(AzureFacts facts, String lbId, List<LoadBalancer> lbs, List<LoadBalancer> underTriage, Set<Object> out) {
    for (HealthEvent e : healthEvents(facts, lbId)) {
      if (e.dataPath()) {
        out.add(new Notice("platform-data-path", "*", "Azure's health events report " + e.type()
            + ": the data path availability of a frontend dropped because of an Azure platform issue, not the load balancer's"
            + " configuration. Check Resource Health and Azure status, and open a support case if it persists. Evidence: "
            + e.describe()));
      }
      if (e.snat()) {
        out.add(new Notice("snat-out-of-scope", "*", "Azure's health events report " + e.type()
            + ": backend instances are running out of SNAT ports for their outbound connections. That breaks connections the"
            + " backends open (not the health probe or clients reaching the backends), so it is not one of this symptom's causes."
            + " See https://learn.microsoft.com/azure/load-balancer/troubleshoot-outbound-connection (more allocated ports in an"
            + " outbound rule, a NAT gateway, connection reuse). Evidence: " + e.describe()));
      }
    }
    for (LoadBalancer lb : underTriage) {
      if (lb.sku() == LbSku.BASIC) {
        out.add(new Notice("basic-sku-retired", "*", lb.sku().retirementNotice(lb.name(), lb.resourceGroup())));
      }
    }
    for (Frontend f : lbs.stream().flatMap(lb -> lb.frontends().stream()).toList()) {
      if (Objects.equals(lbId, f.loadBalancerId()) && ProbeSource.ipv6(f.address())) {
        out.add(new Notice("ipv6-not-evaluated", f.address(), ProbeSource.ipv6Notice("frontend " + f.name(), f.address())));
      }
    }
  }

  /**
   * The data flows of every rule to every backend with an address (from {@code known}, else from every client; at the
   * scale set model too when an instance's NIC is not in the facts), and {@link ClientIsBackend} when the answer
   * {@code given} is a backend's address.
   */
  private static Set<Object> classifyClient(AzureFacts facts, String lbId, String known, String given) {
    List<LoadBalancer> lbs = loadBalancers(facts, lbId);
    List<LoadBalancer> underTriage = lbs.stream().filter(lb -> Objects.equals(lbId, lb.id())).toList();
    List<LoadBalancingRule> rules = lbs.stream().flatMap(lb -> lb.rules().stream()).filter(r -> Objects.equals(lbId, r.loadBalancerId())).toList();
    List<Backend> backends = ofFacts(facts, lbId).stream().filter(Backend.class::isInstance).map(Backend.class::cast).toList();
    Set<Object> out = new LinkedHashSet<>();
    if (given != null) {
      for (Backend b : backends) {
        if (given.equals(b.ip())) {
          out.add(Classify.clientIsBackend(given, b));
        }
      }
    }
    for (LoadBalancer lb : underTriage) {
      for (Backend b : backends) {
        VmScaleSet model = b.vmssId() == null ? null : ScaleSetModel.of(facts, b);
        for (LoadBalancingRule r : rules) {
          if (!Classify.sendsTo(r, b.poolId())) {
            continue;
          }
          if (!"?".equals(b.ip())) {
            out.add(Classify.dataFlow(facts, lb, b, r, known));
          }
          if (model != null) {
            out.add(ScaleSetModel.dataFlow(facts, lb, b, model, r, known));
          }
        }
      }
    }
    return out;
  }

  /** Every classification of one diagnosis: {@link #ofFacts}, {@link #ofTriages} and {@link #ofClient}, equal ones once. */
  public static List<Object> all(AzureFacts facts, String loadBalancerId, List<Triage> triages, Answer client) {
    Set<Object> out = new LinkedHashSet<>(ofFacts(facts, loadBalancerId));
    out.addAll(ofTriages(facts, loadBalancerId, triages));
    out.addAll(ofClient(facts, loadBalancerId, client));
    return new ArrayList<>(out);
  }
}
