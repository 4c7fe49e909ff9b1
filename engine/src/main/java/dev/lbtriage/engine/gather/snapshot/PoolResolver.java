package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.PoolMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Completes a backend pool's members: what the load balancer lists ({@code backendIPConfigurations},
 * IP-based {@code loadBalancerBackendAddresses}), plus NICs in the snapshot whose IP configurations
 * name the pool; then fills in address, NIC and VM from the NICs that are in the snapshot.
 */
final class PoolResolver {

  private final SnapshotIndex index;

  PoolResolver(SnapshotIndex index) {
    this.index = index;
  }

  BackendPool resolve(BackendPool pool) {
    List<PoolMember> members = new ArrayList<>(pool.members());
    Set<String> listed = new HashSet<>();
    for (PoolMember m : members) {
      if (m.ipConfigurationId() != null) {
        listed.add(ArmId.normalize(m.ipConfigurationId()));
      }
    }
    for (NetworkInterface nic : index.nicsJoining(pool.id())) { // only NICs naming the pool: the loop below tests each
      for (NicIpConfiguration ipc : nic.ipConfigurations()) {
        boolean joins = ipc.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, pool.id()));
        if (joins && (ipc.id() == null || listed.add(ArmId.normalize(ipc.id())))) {
          members.add(PoolMembers.fromIpConfiguration(pool.id(), ipc.id(), null));
        }
      }
    }
    List<PoolMember> resolved = members.stream().map(this::complete).toList();
    return new BackendPool(pool.id(), pool.name(), pool.loadBalancerId(), resolved, pool.origin());
  }

  private PoolMember complete(PoolMember m) {
    Optional<NetworkInterface> nic = index.nics.get(m.nicId());
    if (nic.isEmpty()) {
      return m;
    }
    Optional<NicIpConfiguration> ipc = nic.get().ipConfigurations().stream()
        .filter(c -> ArmId.same(c.id(), m.ipConfigurationId())).findFirst();
    String ip = m.ipAddress() != null ? m.ipAddress() : ipc.map(NicIpConfiguration::privateIp).orElse(null);
    return new PoolMember(m.poolId(), m.ipConfigurationId(), ip, nic.get().id(), nic.get().vmId(),
        m.vmssId() != null ? m.vmssId() : nic.get().vmssId(), m.vmssInstanceId());
  }
}
