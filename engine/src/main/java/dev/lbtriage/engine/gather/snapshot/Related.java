package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.PublicIp;
import dev.lbtriage.rules.facts.RouteTable;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.facts.VirtualNetwork;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The facts found to matter for one load balancer, each once, in the order they were reached. */
final class Related {

  /** An insertion-ordered set of facts keyed by normalized ARM id. */
  static final class Facts<T> {
    private final Function<T, String> id;
    private final Map<String, T> byId = new LinkedHashMap<>();

    Facts(Function<T, String> id) {
      this.id = id;
    }

    /** Adds the fact; false when it was already there. */
    boolean add(T fact) {
      return byId.putIfAbsent(ArmId.normalize(id.apply(fact)), fact) == null;
    }

    List<T> list() {
      return List.copyOf(byId.values());
    }
  }

  final Facts<NetworkInterface> nics = new Facts<>(NetworkInterface::id);
  final Facts<VirtualMachine> vms = new Facts<>(VirtualMachine::id);
  final Facts<Subnet> subnets = new Facts<>(Subnet::id);
  final Facts<VirtualNetwork> vnets = new Facts<>(VirtualNetwork::id);
  final Facts<NetworkSecurityGroup> nsgs = new Facts<>(NetworkSecurityGroup::id);
  final Facts<RouteTable> routeTables = new Facts<>(RouteTable::id);
  final Facts<PublicIp> publicIps = new Facts<>(PublicIp::id);
  final Facts<VmScaleSet> scaleSets = new Facts<>(VmScaleSet::id);
  final List<EffectiveSecurityRules> effectiveSecurityRules = new ArrayList<>();
  final List<EffectiveRoutes> effectiveRoutes = new ArrayList<>();

  /** The missing facts, and the rules left out of the NSGs reached (so that an incomplete NSG decides nothing for sure). */
  private List<MissingFact> withLeftOutRules(List<MissingFact> missing, SnapshotIndex index) {
    List<MissingFact> leftOut = index.leftOutRulesOf(nsgs.list());
    if (leftOut.isEmpty()) {
      return missing;
    }
    List<MissingFact> all = new ArrayList<>(missing);
    all.addAll(leftOut);
    return all;
  }

  AzureFacts facts(LoadBalancer lb, SnapshotIndex index, List<MissingFact> missing) {
    return new AzureFacts(List.of(lb), nics.list(), vms.list(), subnets.list(), vnets.list(), nsgs.list(),
        effectiveSecurityRules, routeTables.list(), effectiveRoutes, scaleSets.list(),
        index.metrics.stream().filter(m -> m.resourceId() == null || ArmId.same(m.resourceId(), lb.id())).toList(),
        publicIps.list(), withLeftOutRules(missing, index), index.problems, index.flowVerifications,
        index.healthEvents.stream().filter(e -> e.loadBalancerId() == null || ArmId.same(e.loadBalancerId(), lb.id())).toList(),
        index.resourceHealth.stream().filter(h -> ArmId.same(h.resourceId(), lb.id())).toList());
  }
}
