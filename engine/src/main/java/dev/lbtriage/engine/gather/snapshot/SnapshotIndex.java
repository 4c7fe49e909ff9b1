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

  /** Scale sets by the pools they join and by their health probe (normalised ids, to read positions in {@code all}). */
  private record ScaleSetIds(List<VmScaleSet> all, Map<String, List<Integer>> byPool, Map<String, List<Integer>> byProbe) {}

  /** Built on first use and again when scale sets were added; published whole (resolving runs on several threads). */
  private volatile ScaleSetIds scaleSetIds;

  /**
   * The scale sets that join one of these pools or use one of these probes as their health probe, in read order (each
   * once): looked up by normalised id, so following every load balancer of a fleet does not compare each with every
   * scale set of the fleet (issue 20).
   */
  List<VmScaleSet> scaleSetsOf(List<String> poolIds, List<String> probeIds) {
    ScaleSetIds ids = scaleSetIds;
    if (ids == null || ids.all().size() != scaleSets.size()) {
      List<VmScaleSet> all = scaleSets.all();
      Map<String, List<Integer>> byPool = new java.util.HashMap<>();
      Map<String, List<Integer>> byProbe = new java.util.HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        VmScaleSet s = all.get(i);
        for (String p : s.backendPoolIds()) {
          if (p != null) {
            List<Integer> at = byPool.computeIfAbsent(ArmId.normalize(p), k -> new ArrayList<>());
            if (at.isEmpty() || at.get(at.size() - 1) != i) {
              at.add(i);
            }
          }
        }
        if (s.healthProbeId() != null) {
          byProbe.computeIfAbsent(ArmId.normalize(s.healthProbeId()), k -> new ArrayList<>()).add(i);
        }
      }
      ids = new ScaleSetIds(all, byPool, byProbe);
      scaleSetIds = ids;
    }
    java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
    for (String p : poolIds) {
      if (p != null) {
        found.addAll(ids.byPool().getOrDefault(ArmId.normalize(p), List.of()));
      }
    }
    for (String p : probeIds) {
      if (p != null) {
        found.addAll(ids.byProbe().getOrDefault(ArmId.normalize(p), List.of()));
      }
    }
    List<VmScaleSet> all = ids.all();
    return found.stream().map(all::get).toList();
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
