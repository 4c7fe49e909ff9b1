package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PublicIp;
import dev.lbtriage.rules.facts.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Follows one load balancer through the snapshot: rules to probes and pools, pools to members,
 * members to NICs, NICs to VMs and subnets, subnets to NSGs, route tables and VNets. What is
 * referenced but not in the snapshot becomes a missing fact. Problems of every file are kept.
 */
final class TopologyResolver {

  private final SnapshotIndex index;
  private final MissingFacts missing = new MissingFacts();
  private final Related related = new Related();

  private final ByNic<EffectiveSecurityRules> effectiveSecurityRules;
  private final ByNic<EffectiveRoutes> effectiveRoutes;

  TopologyResolver(SnapshotIndex index) {
    this.index = index;
    this.effectiveSecurityRules = new ByNic<>(index.effectiveSecurityRules, EffectiveSecurityRules::nicName,
        EffectiveSecurityRules::nicId);
    this.effectiveRoutes = new ByNic<>(index.effectiveRoutes, EffectiveRoutes::nicName, EffectiveRoutes::nicId);
  }

  AzureFacts resolve(LoadBalancer raw) {
    PoolResolver pools = new PoolResolver(index);
    List<BackendPool> resolvedPools = raw.pools().stream().map(pools::resolve).toList();
    List<Frontend> frontends = raw.frontends().stream().map(this::frontend).toList();
    LoadBalancer lb = new LoadBalancer(raw.id(), raw.name(), raw.resourceGroup(), raw.location(), raw.sku(), frontends,
        raw.probes(), raw.rules(), raw.natRules(), resolvedPools, raw.origin());
    checkRules(lb);
    Map<String, String> nicIds = new LinkedHashMap<>();
    for (BackendPool pool : resolvedPools) {
      for (PoolMember m : pool.members()) {
        if (m.nicId() != null) {
          nicIds.putIfAbsent(ArmId.normalize(m.nicId()), m.nicId() + "|" + pool.id());
          ipConfiguration(m, pool.id());
        }
        if (m.vmssId() != null) {
          index.scaleSets.get(m.vmssId()).ifPresentOrElse(related.scaleSets::add,
              () -> missing.add("vm-scale-set", m.vmssId(), pool.id()));
          if (m.vmssInstanceId() != null) { // the instance's power state, also when its NIC is not here
            index.vms.get(m.vmssId() + "/virtualMachines/" + m.vmssInstanceId()).ifPresent(related.vms::add);
          }
        }
      }
    }
    raw.natRules().stream().filter(n -> n.backendIpConfigurationId() != null).forEach(n -> nicIds.putIfAbsent(
        ArmId.normalize(PoolMembers.nicOf(n.backendIpConfigurationId())),
        PoolMembers.nicOf(n.backendIpConfigurationId()) + "|" + n.id()));
    nicIds.values().forEach(v -> nic(v.substring(0, v.indexOf('|')), v.substring(v.indexOf('|') + 1)));
    frontends.stream().filter(f -> f.subnetId() != null).forEach(f -> subnet(f.subnetId(), f.id()));
    // the scale sets joining one of its pools or probed by one of its probes, by id (not every scale set of a fleet compared)
    index.scaleSetsOf(lb.pools().stream().map(BackendPool::id).toList(), lb.probes().stream().map(HealthProbe::id).toList())
        .forEach(related.scaleSets::add);
    related.scaleSets.list().forEach(this::scaleSetModel);
    return related.facts(lb, index, missing.all());
  }

  /**
   * The scale set model's NSG and subnet (with the subnet's NSG, route table and VNet): they decide
   * for instances whose own NIC is not in the snapshot.
   */
  private void scaleSetModel(dev.lbtriage.rules.facts.VmScaleSet s) {
    if (s.nsgId() != null) {
      index.nsgs.get(s.nsgId()).ifPresentOrElse(related.nsgs::add,
          () -> missing.add("network-security-group", s.nsgId(), s.id()));
    }
    if (s.subnetId() != null) {
      subnet(s.subnetId(), s.id());
    }
  }

  private Frontend frontend(Frontend f) {
    if (f.publicIpId() == null) {
      return f;
    }
    PublicIp ip = index.publicIps.get(f.publicIpId()).orElse(null);
    if (ip == null) {
      missing.add("public-ip", f.publicIpId(), f.id());
      return f;
    }
    related.publicIps.add(ip);
    return new Frontend(f.id(), f.name(), f.loadBalancerId(), f.privateIp(), f.publicIpId(), ip.ipAddress(), f.subnetId());
  }

  private void checkRules(LoadBalancer lb) {
    for (LoadBalancingRule rule : lb.rules()) {
      if (rule.probeId() != null && lb.probes().stream().map(HealthProbe::id).noneMatch(p -> ArmId.same(p, rule.probeId()))) {
        missing.add("health-probe", rule.probeId(), rule.id());
      }
      for (String poolId : rule.backendPoolIds()) {
        if (lb.pools().stream().map(BackendPool::id).noneMatch(p -> ArmId.same(p, poolId))) {
          missing.add("backend-pool", poolId, rule.id());
        }
      }
    }
  }

  /** A member whose NIC was read but not its IP configuration (left out as invalid): a missing fact. */
  private void ipConfiguration(PoolMember m, String poolId) {
    if (m.ipConfigurationId() == null) {
      return;
    }
    index.nics.get(m.nicId()).filter(nic -> nic.ipConfigurations().stream().noneMatch(c -> ArmId.same(c.id(), m.ipConfigurationId())))
        .ifPresent(nic -> missing.add("ip-configuration", m.ipConfigurationId(), poolId, MissingFacts.LEFT_OUT));
  }

  private void nic(String nicId, String referencedBy) {
    NetworkInterface nic = index.nics.get(nicId).orElse(null);
    if (nic == null) {
      missing.add("network-interface", nicId, referencedBy);
      return;
    }
    if (!related.nics.add(nic)) {
      return;
    }
    if (nic.vmId() != null) {
      index.vms.get(nic.vmId()).ifPresentOrElse(related.vms::add,
          () -> missing.add("virtual-machine", nic.vmId(), nic.id()));
    }
    if (nic.nsgId() != null) {
      index.nsgs.get(nic.nsgId()).ifPresentOrElse(related.nsgs::add,
          () -> missing.add("network-security-group", nic.nsgId(), nic.id()));
    }
    for (NicIpConfiguration ipc : nic.ipConfigurations()) {
      if (ipc.subnetId() != null) {
        subnet(ipc.subnetId(), ipc.id());
      }
      index.publicIps.get(ipc.publicIpId()).ifPresent(related.publicIps::add);
    }
    effective(nic);
  }

  /** Effective rules and routes belong to the NIC their file is named after (or whose id they name). */
  private void effective(NetworkInterface nic) {
    for (EffectiveSecurityRules e : effectiveSecurityRules.of(nic)) {
      related.effectiveSecurityRules.add(new EffectiveSecurityRules(nic.id(), nic.name(), e.groups(), e.origin()));
    }
    for (EffectiveRoutes e : effectiveRoutes.of(nic)) {
      related.effectiveRoutes.add(new EffectiveRoutes(nic.id(), nic.name(), e.routes(), e.origin()));
    }
  }

  private void subnet(String subnetId, String referencedBy) {
    Subnet s = index.subnets.get(subnetId).orElse(null);
    if (s == null) {
      missing.add("subnet", subnetId, referencedBy);
      return;
    }
    if (!related.subnets.add(s)) {
      return;
    }
    if (s.nsgId() != null) {
      index.nsgs.get(s.nsgId()).ifPresentOrElse(related.nsgs::add,
          () -> missing.add("network-security-group", s.nsgId(), s.id()));
    }
    if (s.routeTableId() != null) {
      index.routeTables.get(s.routeTableId()).ifPresentOrElse(related.routeTables::add,
          () -> missing.add("route-table", s.routeTableId(), s.id()));
    }
    String vnetId = Objects.requireNonNullElse(s.vnetId(), ArmId.parent(s.id()));
    index.vnets.get(vnetId).ifPresentOrElse(related.vnets::add, () -> missing.add("virtual-network", vnetId, s.id()));
  }

  /**
   * Effective rules or routes by the NIC they belong to: those whose NIC name equals the NIC's
   * ignoring case, or whose NIC id is the NIC's, in list order. Indexed by case-folded name and
   * normalised id (built on first use); each candidate is checked with the plain test, so the
   * index only saves the scan.
   */
  static final class ByNic<T> {
    private final List<T> all;
    private final Function<T, String> nicName;
    private final Function<T, String> nicId;
    private Map<String, List<Integer>> byName;
    private Map<String, List<Integer>> byId;
    /** Entries whose name the fold does not cover (surrogates): checked for every NIC. */
    private List<Integer> always;

    ByNic(List<T> all, Function<T, String> nicName, Function<T, String> nicId) {
      this.all = all;
      this.nicName = nicName;
      this.nicId = nicId;
    }

    List<T> of(NetworkInterface nic) {
      if (all.isEmpty()) {
        return List.of();
      }
      String name = nic.name();
      if (name == null || hasSurrogate(name)) {
        return all.stream().filter(e -> belongs(e, nic)).toList();
      }
      if (byName == null) {
        index();
      }
      TreeSet<Integer> candidates = new TreeSet<>(always);
      candidates.addAll(byName.getOrDefault(fold(name), List.of()));
      if (nic.id() != null) {
        candidates.addAll(byId.getOrDefault(ArmId.normalize(nic.id()), List.of()));
      }
      List<T> out = new ArrayList<>();
      for (int i : candidates) {
        T e = all.get(i);
        if (belongs(e, nic)) {
          out.add(e);
        }
      }
      return out;
    }

    private boolean belongs(T e, NetworkInterface nic) {
      String entryNicId = nicId.apply(e);
      if (nic.vmssId() != null && entryNicId != null) {
        return ArmId.same(entryNicId, nic.id()); // instance NICs of a scale set share their name: only the id tells
      }
      return nic.name().equalsIgnoreCase(nicName.apply(e)) || ArmId.same(entryNicId, nic.id());
    }

    private void index() {
      Map<String, List<Integer>> names = new HashMap<>();
      Map<String, List<Integer>> ids = new HashMap<>();
      List<Integer> rest = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        String name = nicName.apply(all.get(i));
        String id = nicId.apply(all.get(i));
        if (name != null && hasSurrogate(name)) {
          rest.add(i);
        } else if (name != null) {
          names.computeIfAbsent(fold(name), k -> new ArrayList<>()).add(i);
        }
        if (id != null) {
          ids.computeIfAbsent(ArmId.normalize(id), k -> new ArrayList<>()).add(i);
        }
      }
      byName = names;
      byId = ids;
      always = rest;
    }

    /**
     * Equal for two strings without surrogates exactly when {@link String#equalsIgnoreCase} says
     * so: it compares char by char, equal when upper-cased, or when upper- then lower-cased.
     */
    static String fold(String s) {
      char[] out = new char[s.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
      }
      return new String(out);
    }

    private static boolean hasSurrogate(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isSurrogate(s.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }
}
