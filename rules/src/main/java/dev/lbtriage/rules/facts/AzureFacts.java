package dev.lbtriage.rules.facts;

import java.util.List;
import java.util.Optional;

/**
 * Everything gathered from one source (a snapshot folder or a live read): the facts, what was
 * missing, and the problems met reading the input. Lists are in a stable order (by source file,
 * then position) so output is deterministic.
 */
public record AzureFacts(
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
  public AzureFacts {
    loadBalancers = List.copyOf(loadBalancers);
    networkInterfaces = List.copyOf(networkInterfaces);
    virtualMachines = List.copyOf(virtualMachines);
    subnets = List.copyOf(subnets);
    virtualNetworks = List.copyOf(virtualNetworks);
    networkSecurityGroups = List.copyOf(networkSecurityGroups);
    effectiveSecurityRules = List.copyOf(effectiveSecurityRules);
    routeTables = List.copyOf(routeTables);
    effectiveRoutes = List.copyOf(effectiveRoutes);
    vmScaleSets = List.copyOf(vmScaleSets);
    metrics = List.copyOf(metrics);
    publicIps = List.copyOf(publicIps);
    missing = List.copyOf(missing);
    problems = List.copyOf(problems);
  }

  public Optional<NetworkInterface> nic(String id) {
    return networkInterfaces.stream().filter(n -> ArmId.same(n.id(), id)).findFirst();
  }

  public Optional<VirtualMachine> vm(String id) {
    return virtualMachines.stream().filter(v -> ArmId.same(v.id(), id)).findFirst();
  }

  public Optional<Subnet> subnet(String id) {
    return subnets.stream().filter(s -> ArmId.same(s.id(), id)).findFirst();
  }

  public Optional<VirtualNetwork> vnet(String id) {
    return virtualNetworks.stream().filter(v -> ArmId.same(v.id(), id)).findFirst();
  }

  public Optional<NetworkSecurityGroup> nsg(String id) {
    return networkSecurityGroups.stream().filter(n -> ArmId.same(n.id(), id)).findFirst();
  }

  public Optional<RouteTable> routeTable(String id) {
    return routeTables.stream().filter(r -> ArmId.same(r.id(), id)).findFirst();
  }

  public Optional<EffectiveSecurityRules> effectiveSecurityRulesOf(String nicId) {
    return effectiveSecurityRules.stream().filter(e -> ArmId.same(e.nicId(), nicId)).findFirst();
  }

  public Optional<EffectiveRoutes> effectiveRoutesOf(String nicId) {
    return effectiveRoutes.stream().filter(e -> ArmId.same(e.nicId(), nicId)).findFirst();
  }

  public Optional<LoadBalancer> loadBalancer(String idOrName) {
    return loadBalancers.stream()
        .filter(lb -> ArmId.same(lb.id(), idOrName) || lb.name().equalsIgnoreCase(idOrName))
        .findFirst();
  }

  /** An empty set of facts, to build on. */
  public static AzureFacts empty() {
    return new AzureFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
