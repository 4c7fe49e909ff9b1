package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.PublicIp;
import dev.lbtriage.rules.facts.RouteTable;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.facts.VirtualNetwork;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything parsed from a snapshot, keyed by normalized ARM id, in file order. The first copy of
 * a resource wins; later copies are noted and ignored. Pool members here are only what the load
 * balancer itself lists; {@link TopologyResolver} completes them.
 */
final class SnapshotIndex {

  /** One kind of resource keyed by id. */
  static final class Table<T> {
    private final Map<String, T> byId = new LinkedHashMap<>();

    Optional<T> get(String id) {
      return id == null ? Optional.empty() : Optional.ofNullable(byId.get(ArmId.normalize(id)));
    }

    List<T> all() {
      return List.copyOf(byId.values());
    }

    int size() {
      return byId.size();
    }

    boolean put(String id, T value, ProblemLog log, String path) {
      String key = ArmId.normalize(id);
      if (byId.containsKey(key)) {
        log.note(path, "duplicate of " + id + " already read from an earlier file or position; ignored");
        return false;
      }
      byId.put(key, value);
      return true;
    }
  }

  final Table<LoadBalancer> loadBalancers = new Table<>();
  final Table<NetworkInterface> nics = new Table<>();
  final Table<VirtualMachine> vms = new Table<>();
  final Table<Subnet> subnets = new Table<>();
  final Table<VirtualNetwork> vnets = new Table<>();
  final Table<NetworkSecurityGroup> nsgs = new Table<>();
  final Table<RouteTable> routeTables = new Table<>();
  final Table<PublicIp> publicIps = new Table<>();
  final Table<VmScaleSet> scaleSets = new Table<>();
  final List<EffectiveSecurityRules> effectiveSecurityRules = new ArrayList<>();
  final List<EffectiveRoutes> effectiveRoutes = new ArrayList<>();
  final List<MetricSeries> metrics = new ArrayList<>();
  final List<dev.lbtriage.rules.facts.HealthEvent> healthEvents = new ArrayList<>();
  final List<dev.lbtriage.rules.facts.ResourceHealth> resourceHealth = new ArrayList<>();
  final List<SnapshotProblem> problems = new ArrayList<>();
  final List<dev.lbtriage.rules.facts.FlowVerification> flowVerifications = new ArrayList<>();
  /** Per NSG (normalised id), the rules left out as unreadable: the NSG's rule list is incomplete (see {@link NsgParser}). */
  final Map<String, List<dev.lbtriage.rules.facts.MissingFact>> leftOutRules = new java.util.HashMap<>();

  /** The rules left out of these NSGs, as missing facts (none when every rule was read). */
  List<dev.lbtriage.rules.facts.MissingFact> leftOutRulesOf(List<NetworkSecurityGroup> of) {
    List<dev.lbtriage.rules.facts.MissingFact> out = new ArrayList<>();
    for (NetworkSecurityGroup n : of) {
      out.addAll(leftOutRules.getOrDefault(ArmId.normalize(n.id()), List.of()));
    }
    return out;
  }

  /** NICs by the pools their IP configurations join (normalised pool id), in read order; rebuilt when NICs were added. */
  private Map<String, List<NetworkInterface>> nicsByPool;
  private int nicsIndexed = -1;

  /** The NICs with an IP configuration that names this pool, in read order (each once). */
  List<NetworkInterface> nicsJoining(String poolId) {
    if (nicsByPool == null || nicsIndexed != nics.size()) {
      List<NetworkInterface> all = nics.all();
      Map<String, List<NetworkInterface>> byPool = new java.util.HashMap<>();
      for (NetworkInterface nic : all) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (dev.lbtriage.rules.facts.NicIpConfiguration ipc : nic.ipConfigurations()) {
          for (String p : ipc.backendPoolIds()) {
            String key = ArmId.normalize(p);
            if (seen.add(key)) {
              byPool.computeIfAbsent(key, k -> new ArrayList<>()).add(nic);
            }
          }
        }
      }
      nicsByPool = byPool;
      nicsIndexed = all.size();
    }
    return poolId == null ? List.of() : nicsByPool.getOrDefault(ArmId.normalize(poolId), List.of());
  }
}
