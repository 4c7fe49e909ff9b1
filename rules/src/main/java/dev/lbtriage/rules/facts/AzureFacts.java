package dev.lbtriage.rules.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything gathered from one source (a snapshot folder or a live read): the facts, what was
 * missing, and the problems met reading the input. Lists are in a stable order (by source file,
 * then position) so output is deterministic.
 *
 * <p>A value like a record (it was one): the lists are its state, {@code equals}, {@code hashCode}
 * and {@code toString} are over them in declaration order. Look-ups by id ({@link #nic} ...) use
 * maps keyed by {@link ArmId#normalize normalised} id, built on the first look-up; the first fact
 * in list order wins, as a linear search would find it.
 */
public final class AzureFacts {
  private final List<LoadBalancer> loadBalancers;
  private final List<NetworkInterface> networkInterfaces;
  private final List<VirtualMachine> virtualMachines;
  private final List<Subnet> subnets;
  private final List<VirtualNetwork> virtualNetworks;
  private final List<NetworkSecurityGroup> networkSecurityGroups;
  private final List<EffectiveSecurityRules> effectiveSecurityRules;
  private final List<RouteTable> routeTables;
  private final List<EffectiveRoutes> effectiveRoutes;
  private final List<VmScaleSet> vmScaleSets;
  private final List<MetricSeries> metrics;
  private final List<PublicIp> publicIps;
  private final List<MissingFact> missing;
  private final List<SnapshotProblem> problems;
  private final List<FlowVerification> flowVerifications;
  private final List<HealthEvent> healthEvents;
  private final List<ResourceHealth> resourceHealth;

  /** The id maps, built once on first use; racing threads may each build it, all equal. */
  private volatile Index index;

  public AzureFacts(
      List<LoadBalancer> loadBalancers,
      List<NetworkInterface> networkInterfaces,
      List<VirtualMachine> virtualMachines,
      List<Subnet> subnets,
      List<VirtualNetwork> virtualNetworks,
      List<NetworkSecurityGroup> networkSecurityGroups,
      List<EffectiveSecurityRules> effectiveSecurityRules,
      List<RouteTable> routeTables,
      List<EffectiveRoutes> effectiveRoutes,
      List<VmScaleSet> vmScaleSets,
      List<MetricSeries> metrics,
      List<PublicIp> publicIps,
      List<MissingFact> missing,
      List<SnapshotProblem> problems) {
    this(loadBalancers, networkInterfaces, virtualMachines, subnets, virtualNetworks, networkSecurityGroups,
        effectiveSecurityRules, routeTables, effectiveRoutes, vmScaleSets, metrics, publicIps, missing, problems,
        List.of(), List.of(), List.of());
  }

  /** With Azure Network Watcher's IP flow verify answers ({@link FlowVerification}). */
  public AzureFacts(
      List<LoadBalancer> loadBalancers,
      List<NetworkInterface> networkInterfaces,
      List<VirtualMachine> virtualMachines,
      List<Subnet> subnets,
      List<VirtualNetwork> virtualNetworks,
      List<NetworkSecurityGroup> networkSecurityGroups,
      List<EffectiveSecurityRules> effectiveSecurityRules,
      List<RouteTable> routeTables,
      List<EffectiveRoutes> effectiveRoutes,
      List<VmScaleSet> vmScaleSets,
      List<MetricSeries> metrics,
      List<PublicIp> publicIps,
      List<MissingFact> missing,
      List<SnapshotProblem> problems,
      List<FlowVerification> flowVerifications) {
    this(loadBalancers, networkInterfaces, virtualMachines, subnets, virtualNetworks, networkSecurityGroups,
        effectiveSecurityRules, routeTables, effectiveRoutes, vmScaleSets, metrics, publicIps, missing, problems,
        flowVerifications, List.of(), List.of());
  }

  /**
   * With the health signals: {@code LoadBalancerHealthEvent} log rows and Resource Health statuses
   * (empty when not read).
   */
  public AzureFacts(
      List<LoadBalancer> loadBalancers,
      List<NetworkInterface> networkInterfaces,
      List<VirtualMachine> virtualMachines,
      List<Subnet> subnets,
      List<VirtualNetwork> virtualNetworks,
      List<NetworkSecurityGroup> networkSecurityGroups,
      List<EffectiveSecurityRules> effectiveSecurityRules,
      List<RouteTable> routeTables,
      List<EffectiveRoutes> effectiveRoutes,
      List<VmScaleSet> vmScaleSets,
      List<MetricSeries> metrics,
      List<PublicIp> publicIps,
      List<MissingFact> missing,
      List<SnapshotProblem> problems,
      List<HealthEvent> healthEvents,
      List<ResourceHealth> resourceHealth) {
    this(loadBalancers, networkInterfaces, virtualMachines, subnets, virtualNetworks, networkSecurityGroups,
        effectiveSecurityRules, routeTables, effectiveRoutes, vmScaleSets, metrics, publicIps, missing, problems,
        List.of(), healthEvents, resourceHealth);
  }

  /** All the facts: with Network Watcher's answers and the health signals. */
  public AzureFacts(
      List<LoadBalancer> loadBalancers,
      List<NetworkInterface> networkInterfaces,
      List<VirtualMachine> virtualMachines,
      List<Subnet> subnets,
      List<VirtualNetwork> virtualNetworks,
      List<NetworkSecurityGroup> networkSecurityGroups,
      List<EffectiveSecurityRules> effectiveSecurityRules,
      List<RouteTable> routeTables,
      List<EffectiveRoutes> effectiveRoutes,
      List<VmScaleSet> vmScaleSets,
      List<MetricSeries> metrics,
      List<PublicIp> publicIps,
      List<MissingFact> missing,
      List<SnapshotProblem> problems,
      List<FlowVerification> flowVerifications,
      List<HealthEvent> healthEvents,
      List<ResourceHealth> resourceHealth) {
    this.flowVerifications = List.copyOf(flowVerifications);
    this.healthEvents = List.copyOf(healthEvents);
    this.resourceHealth = List.copyOf(resourceHealth);
    this.loadBalancers = List.copyOf(loadBalancers);
    this.networkInterfaces = List.copyOf(networkInterfaces);
    this.virtualMachines = List.copyOf(virtualMachines);
    this.subnets = List.copyOf(subnets);
    this.virtualNetworks = List.copyOf(virtualNetworks);
    this.networkSecurityGroups = List.copyOf(networkSecurityGroups);
    this.effectiveSecurityRules = List.copyOf(effectiveSecurityRules);
    this.routeTables = List.copyOf(routeTables);
    this.effectiveRoutes = List.copyOf(effectiveRoutes);
    this.vmScaleSets = List.copyOf(vmScaleSets);
    this.metrics = List.copyOf(metrics);
    this.publicIps = List.copyOf(publicIps);
    this.missing = List.copyOf(missing);
    this.problems = List.copyOf(problems);
  }

  public List<LoadBalancer> loadBalancers() {
    return loadBalancers;
  }

  public List<NetworkInterface> networkInterfaces() {
    return networkInterfaces;
  }

  public List<VirtualMachine> virtualMachines() {
    return virtualMachines;
  }

  public List<Subnet> subnets() {
    return subnets;
  }

  public List<VirtualNetwork> virtualNetworks() {
    return virtualNetworks;
  }

  public List<NetworkSecurityGroup> networkSecurityGroups() {
    return networkSecurityGroups;
  }

  public List<EffectiveSecurityRules> effectiveSecurityRules() {
    return effectiveSecurityRules;
  }

  public List<RouteTable> routeTables() {
    return routeTables;
  }

  public List<EffectiveRoutes> effectiveRoutes() {
    return effectiveRoutes;
  }

  public List<VmScaleSet> vmScaleSets() {
    return vmScaleSets;
  }

  public List<MetricSeries> metrics() {
    return metrics;
  }

  public List<PublicIp> publicIps() {
    return publicIps;
  }

  public List<MissingFact> missing() {
    return missing;
  }

  public List<SnapshotProblem> problems() {
    return problems;
  }

  /** {@code LoadBalancerHealthEvent} log rows ({@code ALBHealthEvent}), in the order read. */
  public List<HealthEvent> healthEvents() {
    return healthEvents;
  }

  /** Resource Health statuses of the load balancer (and anything else read), in the order read. */
  public List<ResourceHealth> resourceHealth() {
    return resourceHealth;
  }

  /** These facts with other missing facts and problems (the rest as they are). */
  public AzureFacts withMissingAndProblems(List<MissingFact> newMissing, List<SnapshotProblem> newProblems) {
    return new AzureFacts(loadBalancers, networkInterfaces, virtualMachines, subnets, virtualNetworks, networkSecurityGroups,
        effectiveSecurityRules, routeTables, effectiveRoutes, vmScaleSets, metrics, publicIps, newMissing, newProblems,
        flowVerifications, healthEvents, resourceHealth);
  }

  /** Azure Network Watcher's IP flow verify answers, from a snapshot or a live read. */
  public List<FlowVerification> flowVerifications() {
    return flowVerifications;
  }

  /** These facts with {@code verifications} added to the flow verifications (and {@code notes} to the problems). */
  public AzureFacts withFlowVerifications(List<FlowVerification> verifications, List<SnapshotProblem> notes) {
    List<FlowVerification> v = new java.util.ArrayList<>(flowVerifications);
    v.addAll(verifications);
    List<SnapshotProblem> p = new java.util.ArrayList<>(problems);
    p.addAll(notes);
    return new AzureFacts(loadBalancers, networkInterfaces, virtualMachines, subnets, virtualNetworks, networkSecurityGroups,
        effectiveSecurityRules, routeTables, effectiveRoutes, vmScaleSets, metrics, publicIps, missing, p, v,
        healthEvents, resourceHealth);
  }

  public Optional<NetworkInterface> nic(String id) {
    return find(index().nics, id);
  }

  public Optional<VirtualMachine> vm(String id) {
    return find(index().vms, id);
  }

  public Optional<Subnet> subnet(String id) {
    return find(index().subnets, id);
  }

  public Optional<VirtualNetwork> vnet(String id) {
    return find(index().vnets, id);
  }

  public Optional<NetworkSecurityGroup> nsg(String id) {
    return find(index().nsgs, id);
  }

  public Optional<RouteTable> routeTable(String id) {
    return find(index().routeTables, id);
  }

  public Optional<EffectiveSecurityRules> effectiveSecurityRulesOf(String nicId) {
    return find(index().effectiveSecurityRules, nicId);
  }

  public Optional<EffectiveRoutes> effectiveRoutesOf(String nicId) {
    return find(index().effectiveRoutes, nicId);
  }

  public Optional<LoadBalancer> loadBalancer(String idOrName) {
    return loadBalancers.stream()
        .filter(lb -> ArmId.same(lb.id(), idOrName) || lb.name().equalsIgnoreCase(idOrName))
        .findFirst();
  }

  /**
   * A value computed from these facts once and kept with them: an index another package keeps
   * over the facts (e.g. NICs by private IP in {@code FlowEvaluator}). {@code key} names the
   * computation (compared with {@code equals}; a private constant of the caller); {@code compute}
   * must depend on the facts only, and its result must not be changed. It is not part of the value:
   * {@code equals}, {@code hashCode} and {@code toString} ignore it.
   */
  public <T> T derived(Object key, Function<AzureFacts, T> compute) {
    Map<Object, Object> cache = index().derived;
    Object value = cache.get(key);
    if (value == null) {
      value = Objects.requireNonNull(compute.apply(this), "derived value");
      Object earlier = cache.putIfAbsent(key, value);
      if (earlier != null) {
        value = earlier;
      }
    }
    @SuppressWarnings("unchecked")
    T t = (T) value;
    return t;
  }

  /** An empty set of facts, to build on. */
  public static AzureFacts empty() {
    return new AzureFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AzureFacts other)) {
      return false;
    }
    return loadBalancers.equals(other.loadBalancers)
        && networkInterfaces.equals(other.networkInterfaces)
        && virtualMachines.equals(other.virtualMachines)
        && subnets.equals(other.subnets)
        && virtualNetworks.equals(other.virtualNetworks)
        && networkSecurityGroups.equals(other.networkSecurityGroups)
        && effectiveSecurityRules.equals(other.effectiveSecurityRules)
        && routeTables.equals(other.routeTables)
        && effectiveRoutes.equals(other.effectiveRoutes)
        && vmScaleSets.equals(other.vmScaleSets)
        && metrics.equals(other.metrics)
        && publicIps.equals(other.publicIps)
        && missing.equals(other.missing)
        && problems.equals(other.problems)
        && flowVerifications.equals(other.flowVerifications)
        && healthEvents.equals(other.healthEvents)
        && resourceHealth.equals(other.resourceHealth);
  }

  /** As a record's: {@code 31 * h + component.hashCode()} over the components, from 0. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + loadBalancers.hashCode();
    h = 31 * h + networkInterfaces.hashCode();
    h = 31 * h + virtualMachines.hashCode();
    h = 31 * h + subnets.hashCode();
    h = 31 * h + virtualNetworks.hashCode();
    h = 31 * h + networkSecurityGroups.hashCode();
    h = 31 * h + effectiveSecurityRules.hashCode();
    h = 31 * h + routeTables.hashCode();
    h = 31 * h + effectiveRoutes.hashCode();
    h = 31 * h + vmScaleSets.hashCode();
    h = 31 * h + metrics.hashCode();
    h = 31 * h + publicIps.hashCode();
    h = 31 * h + missing.hashCode();
    h = 31 * h + problems.hashCode();
    if (!flowVerifications.isEmpty()) {
      h = 31 * h + flowVerifications.hashCode();
    }
    if (!healthEvents.isEmpty() || !resourceHealth.isEmpty()) {
      h = 31 * h + healthEvents.hashCode();
      h = 31 * h + resourceHealth.hashCode();
    }
    return h;
  }

  /** As a record's: {@code AzureFacts[loadBalancers=..., ...]}. */
  @Override
  public String toString() {
    return "AzureFacts["
        + "loadBalancers=" + loadBalancers
        + ", networkInterfaces=" + networkInterfaces
        + ", virtualMachines=" + virtualMachines
        + ", subnets=" + subnets
        + ", virtualNetworks=" + virtualNetworks
        + ", networkSecurityGroups=" + networkSecurityGroups
        + ", effectiveSecurityRules=" + effectiveSecurityRules
        + ", routeTables=" + routeTables
        + ", effectiveRoutes=" + effectiveRoutes
        + ", vmScaleSets=" + vmScaleSets
        + ", metrics=" + metrics
        + ", publicIps=" + publicIps
        + ", missing=" + missing
        + ", problems=" + problems
        + (flowVerifications.isEmpty() ? "" : ", flowVerifications=" + flowVerifications)
        + (healthEvents.isEmpty() && resourceHealth.isEmpty() ? ""
            : ", healthEvents=" + healthEvents + ", resourceHealth=" + resourceHealth)
        + "]";
  }

  private static <T> Optional<T> find(Map<String, T> byId, String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(ArmId.normalize(id)));
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      i = new Index(this);
      index = i;
    }
    return i;
  }

  /** Each list keyed by normalised id; the first of equal ids wins; null ids are never found. */
  private static final class Index {
    final Map<String, NetworkInterface> nics;
    final Map<String, VirtualMachine> vms;
    final Map<String, Subnet> subnets;
    final Map<String, VirtualNetwork> vnets;
    final Map<String, NetworkSecurityGroup> nsgs;
    final Map<String, RouteTable> routeTables;
    final Map<String, EffectiveSecurityRules> effectiveSecurityRules;
    final Map<String, EffectiveRoutes> effectiveRoutes;
    final Map<Object, Object> derived = new ConcurrentHashMap<>(4);

    Index(AzureFacts f) {
      nics = byId(f.networkInterfaces, NetworkInterface::id);
      vms = byId(f.virtualMachines, VirtualMachine::id);
      subnets = byId(f.subnets, Subnet::id);
      vnets = byId(f.virtualNetworks, VirtualNetwork::id);
      nsgs = byId(f.networkSecurityGroups, NetworkSecurityGroup::id);
      routeTables = byId(f.routeTables, RouteTable::id);
      effectiveSecurityRules = byId(f.effectiveSecurityRules, EffectiveSecurityRules::nicId);
      effectiveRoutes = byId(f.effectiveRoutes, EffectiveRoutes::nicId);
    }

    private static <T> Map<String, T> byId(List<T> facts, Function<T, String> id) {
      Map<String, T> map = new HashMap<>(Math.max(16, facts.size() * 2));
      for (T fact : facts) {
        String key = id.apply(fact);
        if (key != null) {
          map.putIfAbsent(ArmId.normalize(key), fact);
        }
      }
      return map;
    }
  }
}
