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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Follows one load balancer through the snapshot: rules to probes and pools, pools to members,
 * members to NICs, NICs to VMs and subnets, subnets to NSGs, route tables and VNets. What is
 * referenced but not in the snapshot becomes a missing fact. Problems of every file are kept.
 */
final class TopologyResolver {

  private final SnapshotIndex index;
  private final MissingFacts missing = new MissingFacts();
  private final Related related = new Related();

  TopologyResolver(SnapshotIndex index) {
    this.index = index;
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
        }
        if (m.vmssId() != null) {
          index.scaleSets.get(m.vmssId()).ifPresentOrElse(related.scaleSets::add,
              () -> missing.add("vm-scale-set", m.vmssId(), pool.id()));
        }
      }
    }
    raw.natRules().stream().filter(n -> n.backendIpConfigurationId() != null).forEach(n -> nicIds.putIfAbsent(
        ArmId.normalize(PoolMembers.nicOf(n.backendIpConfigurationId())),
        PoolMembers.nicOf(n.backendIpConfigurationId()) + "|" + n.id()));
    nicIds.values().forEach(v -> nic(v.substring(0, v.indexOf('|')), v.substring(v.indexOf('|') + 1)));
    frontends.stream().filter(f -> f.subnetId() != null).forEach(f -> subnet(f.subnetId(), f.id()));
    index.scaleSets.all().stream().filter(s -> touches(s.backendPoolIds(), lb) || probeOf(s.healthProbeId(), lb))
        .forEach(related.scaleSets::add);
    return related.facts(lb, index, missing.all());
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
    for (EffectiveSecurityRules e : index.effectiveSecurityRules) {
      if (nic.name().equalsIgnoreCase(e.nicName()) || ArmId.same(e.nicId(), nic.id())) {
        related.effectiveSecurityRules.add(new EffectiveSecurityRules(nic.id(), nic.name(), e.groups(), e.origin()));
      }
    }
    for (EffectiveRoutes e : index.effectiveRoutes) {
      if (nic.name().equalsIgnoreCase(e.nicName()) || ArmId.same(e.nicId(), nic.id())) {
        related.effectiveRoutes.add(new EffectiveRoutes(nic.id(), nic.name(), e.routes(), e.origin()));
      }
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

  private static boolean touches(List<String> poolIds, LoadBalancer lb) {
    return poolIds.stream().anyMatch(p -> lb.pools().stream().anyMatch(x -> ArmId.same(x.id(), p)));
  }

  private static boolean probeOf(String probeId, LoadBalancer lb) {
    return probeId != null && lb.probes().stream().anyMatch(p -> ArmId.same(p.id(), probeId));
  }
}
