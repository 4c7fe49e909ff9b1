package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.ProbeProtocol;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.facts.VmScaleSet;
import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.NextHopType;
import dev.lbtriage.rules.facts.RouteOrigin;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small fact sets for unit tests of single rules. The shapes mirror the real ARM payloads the
 * snapshot tests use; the ids follow ARM's layout.
 */
final class TestFacts {
  static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers";
  static final String LB = RG + "/Microsoft.Network/loadBalancers/lb";
  static final String POOL = LB + "/backendAddressPools/be-lb";
  static final String PROBE = LB + "/probes/probe-lb";
  static final String RULE = LB + "/loadBalancingRules/rulelb";

  final List<VirtualMachine> vms = new ArrayList<>();
  final List<NetworkInterface> nics = new ArrayList<>();
  final List<PoolMember> members = new ArrayList<>();
  final List<MetricSeries> metrics = new ArrayList<>();
  final List<VmScaleSet> scaleSets = new ArrayList<>();
  final List<NetworkSecurityGroup> nsgs = new ArrayList<>();
  final List<EffectiveRoutes> routes = new ArrayList<>();
  boolean internal = true;
  boolean floatingIp;
  String subnetNsgId;
  String nicNsgId;
  static final String VNET = RG + "/Microsoft.Network/virtualNetworks/vnet1";
  static final String SUBNET = VNET + "/subnets/default";

  /** An NSG with one custom inbound rule (Azure's default rules are supplied by the evaluator). */
  TestFacts nsg(String name, boolean onSubnet, String ruleName, int priority, Access access, String source, String port) {
    String id = RG + "/Microsoft.Network/networkSecurityGroups/" + name;
    SecurityRule rule = new SecurityRule(ruleName, id, priority, Direction.INBOUND, access, TransportProtocol.ALL,
        List.of(source), List.of("*"), List.of("*"), List.of(port), List.of(), List.of(), List.of(), List.of(), false);
    nsgs.add(new NetworkSecurityGroup(id, name, "rg1", List.of(rule), List.of(), new Origin(id, name + ".json")));
    if (onSubnet) {
      subnetNsgId = id;
    } else {
      nicNsgId = id;
    }
    return this;
  }

  /** A user route 0.0.0.0/0 to a virtual appliance on every NIC. */
  TestFacts routeToAppliance(String applianceIp) {
    for (NetworkInterface n : nics) {
      routes.add(new EffectiveRoutes(n.id(), n.name(), List.of(
          new EffectiveRoutes.EffectiveRoute(null, RouteOrigin.DEFAULT, true, List.of("10.0.0.0/16"), NextHopType.VNET_LOCAL, List.of()),
          new EffectiveRoutes.EffectiveRoute("to-fw", RouteOrigin.USER, true, List.of("0.0.0.0/0"), NextHopType.VIRTUAL_APPLIANCE, List.of(applianceIp))),
          new Origin(n.id(), n.name() + ".effective-routes.json")));
    }
    return this;
  }

  TestFacts vm(String name, String ip, PowerState state) {
    String vmId = RG + "/Microsoft.Compute/virtualMachines/" + name;
    String nicId = RG + "/Microsoft.Network/networkInterfaces/" + name + "-nic";
    String ipc = nicId + "/ipConfigurations/ipconfig1";
    vms.add(new VirtualMachine(vmId, name, "rg1", state, "Linux", List.of(nicId), new Origin(vmId, name + ".json")));
    nics.add(new NetworkInterface(nicId, name + "-nic", "rg1",
        List.of(new NicIpConfiguration(ipc, "ipconfig1", nicId, ip, SUBNET, null, true, List.of(POOL), List.of())),
        null, vmId, null, false, new Origin(nicId, name + "-nic.json")));
    members.add(new PoolMember(POOL, ipc, ip, nicId, vmId, null, null));
    return this;
  }

  TestFacts vmssInstance(String vmss, String instance, String ip) {
    String vmssId = RG + "/Microsoft.Compute/virtualMachineScaleSets/" + vmss;
    String nicId = vmssId + "/virtualMachines/" + instance + "/networkInterfaces/nic1";
    members.add(new PoolMember(POOL, nicId + "/ipConfigurations/ip1", ip, nicId, null, vmssId, instance));
    return this;
  }

  TestFacts scaleSet(String vmss, String healthProbeId) {
    String vmssId = RG + "/Microsoft.Compute/virtualMachineScaleSets/" + vmss;
    scaleSets.add(new VmScaleSet(vmssId, vmss, "rg1", healthProbeId, List.of(POOL), List.of(), null, new Origin(vmssId, vmss + ".json")));
    return this;
  }

  /** The load-balancing rule with enableFloatingIP on. */
  TestFacts floatingIp() {
    floatingIp = true;
    return this;
  }

  TestFacts publicFrontend() {
    internal = false;
    return this;
  }

  TestFacts dipAvailability(String ip, double value) {
    metrics.add(new MetricSeries("DipAvailability", LB, Map.of("backendipaddress", ip, "backendport", "80"),
        List.of(new MetricSeries.Point(Instant.parse("2026-11-25T10:00:00Z"), 100.0, null, null),
            new MetricSeries.Point(Instant.parse("2026-11-25T10:01:00Z"), value, null, null)),
        new Origin(LB, "metrics.json")));
    return this;
  }

  AzureFacts build() {
    Frontend fe = internal
        ? new Frontend(LB + "/frontendIPConfigurations/fe", "fe", LB, "10.0.1.4", null, null, null)
        : new Frontend(LB + "/frontendIPConfigurations/fe", "fe", LB, null, RG + "/Microsoft.Network/publicIPAddresses/pip", "20.1.2.3", null);
    LoadBalancer lb = new LoadBalancer(LB, "lb", "rg1", "westus", LbSku.STANDARD, List.of(fe),
        List.of(new HealthProbe(PROBE, "probe-lb", LB, ProbeProtocol.TCP, 80, null, 15, 2, null, new Origin(LB, "lb.json"))),
        List.of(new LoadBalancingRule(RULE, "rulelb", LB, fe.id(), List.of(POOL), PROBE, TransportProtocol.TCP, 80, 80, floatingIp, new Origin(LB, "lb.json"))),
        List.of(), List.of(new BackendPool(POOL, "be-lb", LB, members, new Origin(LB, "lb.json"))), new Origin(LB, "lb.json"));
    List<NetworkInterface> withNsg = nics.stream().map(n -> new NetworkInterface(n.id(), n.name(), n.resourceGroup(),
        n.ipConfigurations(), nicNsgId, n.vmId(), n.vmssId(), n.ipForwarding(), n.origin())).toList();
    Subnet subnet = new Subnet(SUBNET, "default", VNET, List.of("10.0.0.0/24"), subnetNsgId, null, new Origin(VNET, "vnet.json"));
    VirtualNetwork vnet = new VirtualNetwork(VNET, "vnet1", List.of("10.0.0.0/16"), List.of(), new Origin(VNET, "vnet.json"));
    return new AzureFacts(List.of(lb), withNsg, vms, List.of(subnet), List.of(vnet), nsgs, List.of(), List.of(), routes, scaleSets,
        metrics, List.of(), List.of(), List.of());
  }
}
