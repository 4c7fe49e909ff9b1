package dev.lbtriage.bot.cli;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.Ingress;
import dev.lbtriage.rules.network.RouteDecision;
import dev.lbtriage.rules.network.RouteEvaluator;
import dev.lbtriage.rules.network.ServiceTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A load balancer as {@code show} presents it: its facts, plus for each pool member the NSG verdict
 * on the probe flows and the data flows and, when the NIC's effective routes are known, the route to
 * 168.63.129.16. Built once, printed as text or JSON.
 */
record LoadBalancerView(LoadBalancer lb, AzureFacts facts, List<PoolView> pools) {

  /** One pool and its members. */
  record PoolView(BackendPool pool, List<MemberView> members) {}

  /**
   * One member.
   *
   * @param nic null when the NIC is not in the facts
   * @param vmName the VM (or {@code scaleset/instance}), null when not known
   * @param vmKnown whether the VM's own facts are in the snapshot
   * @param route null when the NIC's effective routes are not in the snapshot
   * @param notes why some flows were not evaluated
   */
  record MemberView(
      PoolMember member,
      String ip,
      NetworkInterface nic,
      String nicName,
      String vmName,
      boolean vmKnown,
      PowerState powerState,
      List<Check> probeChecks,
      List<Check> dataChecks,
      RouteDecision route,
      List<String> notes) {}

  /**
   * One evaluated flow.
   *
   * @param kind {@code probe} or {@code rule}
   * @param name the probe's or the rule's name
   */
  record Check(String kind, String name, FlowVerdict verdict) {}

  static LoadBalancerView of(LoadBalancer lb, AzureFacts facts) {
    List<PoolView> pools = new ArrayList<>();
    for (BackendPool pool : lb.pools()) {
      List<MemberView> members = new ArrayList<>();
      for (PoolMember m : pool.members()) {
        members.add(member(lb, facts, pool, m));
      }
      pools.add(new PoolView(pool, members));
    }
    return new LoadBalancerView(lb, facts, pools);
  }

  Optional<Frontend> frontend(String id) {
    return lb.frontends().stream().filter(f -> ArmId.same(f.id(), id)).findFirst();
  }

  Optional<HealthProbe> probe(String id) {
    return lb.probes().stream().filter(p -> ArmId.same(p.id(), id)).findFirst();
  }

  /** Rules sending to this pool. */
  static List<LoadBalancingRule> rulesOf(LoadBalancer lb, BackendPool pool) {
    return lb.rules().stream().filter(r -> r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, pool.id()))).toList();
  }

  private static MemberView member(LoadBalancer lb, AzureFacts facts, BackendPool pool, PoolMember m) {
    NetworkInterface nic = m.nicId() == null ? null : facts.nic(m.nicId()).orElse(null);
    String ip = m.ipAddress();
    if (ip == null && nic != null) {
      ip = nic.ipConfigurations().stream().filter(c -> ArmId.same(c.id(), m.ipConfigurationId()))
          .map(NicIpConfiguration::privateIp).findFirst().orElse(null);
    }
    String nicName = m.nicId() != null ? Names.of(m.nicId()) : nic == null ? null : nic.name();
    VirtualMachine vm = m.vmId() == null ? null : facts.vm(m.vmId()).orElse(null);
    String vmName;
    if (m.vmssId() != null && m.vmssInstanceId() != null) {
      vmName = ArmId.name(m.vmssId()) + "/" + m.vmssInstanceId();
    } else if (vm != null) {
      vmName = vm.name();
    } else if (m.vmId() != null) {
      vmName = Names.of(m.vmId());
    } else if (m.vmssId() != null) {
      vmName = ArmId.name(m.vmssId()) + (m.vmssInstanceId() == null ? "" : "/" + m.vmssInstanceId());
    } else {
      vmName = null;
    }
    PowerState power = vm == null ? PowerState.UNKNOWN : vm.powerState();

    List<String> notes = new ArrayList<>();
    // Where the evaluator finds the NIC: its id when the NIC is known, else its IP, else the (missing) id.
    String target = nic != null ? nic.id() : ip != null ? ip : m.nicId();
    List<Check> probes = new ArrayList<>();
    List<Check> data = new ArrayList<>();
    if (target == null || ip == null) {
      notes.add("the member's IP address is not known, so its flows were not evaluated");
    } else {
      Map<String, HealthProbe> used = new LinkedHashMap<>();
      List<LoadBalancingRule> rules = rulesOf(lb, pool);
      for (LoadBalancingRule r : rules) {
        if (r.probeId() != null) {
          lb.probes().stream().filter(p -> ArmId.same(p.id(), r.probeId())).findFirst()
              .ifPresent(p -> used.putIfAbsent(ArmId.normalize(p.id()), p));
        }
      }
      for (HealthProbe p : used.values()) {
        // Probes of every protocol travel over TCP, from 168.63.129.16 to the member's own address.
        Flow flow = Flow.inbound(ServiceTags.AZURE_LOAD_BALANCER, ip, p.port(), TransportProtocol.TCP);
        probes.add(new Check("probe", p.name(), FlowEvaluator.forNic(facts, target, flow)));
      }
      for (LoadBalancingRule r : rules) {
        Frontend fe = lb.frontends().stream().filter(f -> ArmId.same(f.id(), r.frontendId())).findFirst().orElse(null);
        boolean publicFrontend = fe != null ? fe.isPublic() : !lb.internal();
        String source = publicFrontend ? ServiceTags.INTERNET : ServiceTags.VIRTUAL_NETWORK;
        // With floating IP the packet keeps the frontend's address as its destination.
        String destination = ip;
        if (r.floatingIp()) {
          if (fe != null && fe.address() != null) {
            destination = fe.address();
          } else {
            notes.add("rule " + r.name() + " uses floating IP but the frontend's address is not known; evaluated to "
                + ip + " instead");
          }
        }
        boolean haPorts = r.frontendPort() == 0 && r.backendPort() == 0;
        int port = haPorts ? Flow.ANY_PORT : r.backendPort();
        List<TransportProtocol> protocols = r.protocol() == TransportProtocol.ALL
            ? List.of(TransportProtocol.TCP, TransportProtocol.UDP) : List.of(r.protocol());
        for (TransportProtocol proto : protocols) {
          Flow flow = Flow.inbound(source, destination, port, proto);
          data.add(new Check("rule", r.name(), FlowEvaluator.forNic(facts, target, flow, Ingress.of(lb, r))));
        }
      }
    }
    RouteDecision route = null;
    if (nic != null && facts.effectiveRoutesOf(nic.id()).isPresent()) {
      route = RouteEvaluator.forNic(facts, nic.id(), ServiceTags.AZURE_LOAD_BALANCER_IP);
    }
    return new MemberView(m, ip, nic, nicName, vmName, vm != null, power, probes, data, route, notes);
  }
}
