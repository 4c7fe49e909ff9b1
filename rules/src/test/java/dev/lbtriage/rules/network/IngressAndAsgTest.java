package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What "no NSG" means by how the flow arrives (Standard closed by default), and ASG membership from NIC IP configurations. */
class IngressAndAsgTest {
  static final String SUB = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/";
  static final String VNET = SUB + "virtualNetworks/vnet";
  static final String SUBNET = VNET + "/subnets/default";
  static final String ASG = SUB + "applicationSecurityGroups/asg-web";

  static NetworkInterface nic(String name, String ip, String nsgId, List<String> asgs) {
    String id = SUB + "networkInterfaces/" + name;
    return new NetworkInterface(id, name, "rg", List.of(new NicIpConfiguration(id + "/ipConfigurations/ip", "ip", id, ip, SUBNET,
        null, true, List.of(), List.of(), asgs)), nsgId, null, null, false, new Origin(id, name + ".json"));
  }

  static AzureFacts facts(List<NetworkInterface> nics, String subnetNsg, List<NetworkSecurityGroup> nsgs,
      List<EffectiveSecurityRules> effective) {
    return new AzureFacts(List.of(), nics, List.of(), List.of(new Subnet(SUBNET, "default", VNET, List.of("10.0.0.0/24"), subnetNsg,
        null, new Origin(VNET, "vnet.json"))), List.of(new VirtualNetwork(VNET, "vnet", List.of("10.0.0.0/16"), List.of(),
        new Origin(VNET, "vnet.json"))), nsgs, effective, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  static final AzureFacts NO_NSG = facts(List.of(nic("nic-1", "10.0.0.4", null, List.of())), null, List.of(), List.of());
  static final Ingress STANDARD_PUBLIC = Ingress.throughLoadBalancer(LbSku.STANDARD, true, "load balancer lb (Standard, public frontend fe)");
  static final Ingress STANDARD_INTERNAL = Ingress.throughLoadBalancer(LbSku.STANDARD, false, "load balancer ilb (Standard, internal frontend fe)");

  static Verdict verdict(AzureFacts f, String source, int port, Ingress ingress) {
    return FlowEvaluator.forNic(f, "10.0.0.4", Flow.inbound(source, "10.0.0.4", port, TransportProtocol.TCP), ingress).verdict();
  }

  @Test
  void without_any_nsg_only_a_standard_public_frontend_is_closed_and_never_to_the_probe() {
    assertThat(verdict(NO_NSG, "203.0.113.5", 80, Ingress.DIRECT)).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(NO_NSG, "203.0.113.5", 80, Ingress.throughLoadBalancer(LbSku.BASIC, true, "basic"))).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(NO_NSG, "203.0.113.5", 80, STANDARD_PUBLIC)).isEqualTo(Verdict.DENY);
    assertThat(verdict(NO_NSG, "10.0.0.9", 80, STANDARD_PUBLIC)).isEqualTo(Verdict.DENY);
    assertThat(verdict(NO_NSG, "AzureLoadBalancer", 80, STANDARD_PUBLIC)).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(NO_NSG, "168.63.129.16", 80, STANDARD_PUBLIC)).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(NO_NSG, "203.0.113.5", 80, Ingress.standardPublicIp("public IP pip"))).isEqualTo(Verdict.DENY);
    assertThat(verdict(NO_NSG, "203.0.113.5", 80, Ingress.throughLoadBalancer(LbSku.UNKNOWN, true, "lb"))).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void an_internal_standard_frontend_admits_the_virtual_network_and_leaves_other_sources_unknown() {
    assertThat(verdict(NO_NSG, "10.0.7.7", 80, STANDARD_INTERNAL)).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(NO_NSG, "VirtualNetwork", 80, STANDARD_INTERNAL)).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(NO_NSG, "192.168.1.1", 80, STANDARD_INTERNAL)).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict(NO_NSG, "Internet", 80, STANDARD_INTERNAL)).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void an_nsg_at_either_level_opens_a_standard_frontend_as_its_rules_say() {
    String nsgId = SUB + "networkSecurityGroups/nsg";
    NetworkSecurityGroup allowWeb = new NetworkSecurityGroup(nsgId, "nsg", "rg", List.of(new SecurityRule("AllowWeb", nsgId, 200,
        Direction.INBOUND, Access.ALLOW, TransportProtocol.TCP, List.of("*"), List.of("*"), List.of("*"), List.of("80"), List.of(),
        List.of(), List.of(), List.of(), false)), List.of(), new Origin(nsgId, "nsg.json"));
    AzureFacts onSubnet = facts(List.of(nic("nic-1", "10.0.0.4", null, List.of())), nsgId, List.of(allowWeb), List.of());

    assertThat(verdict(onSubnet, "203.0.113.5", 80, STANDARD_PUBLIC)).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(onSubnet, "203.0.113.5", 443, STANDARD_PUBLIC)).isEqualTo(Verdict.DENY);
  }

  @Test
  void effective_rules_listing_no_nsg_are_closed_through_a_standard_public_frontend_too() {
    String nicId = SUB + "networkInterfaces/nic-1";
    AzureFacts f = facts(List.of(nic("nic-1", "10.0.0.4", null, List.of())), null, List.of(),
        List.of(new EffectiveSecurityRules(nicId, "nic-1", List.of(), new Origin(nicId, "nic-1.effective-nsg.json"))));

    FlowVerdict v = FlowEvaluator.forNic(f, "10.0.0.4", Flow.inbound("203.0.113.5", "10.0.0.4", 80, TransportProtocol.TCP),
        STANDARD_PUBLIC);

    assertThat(v.verdict()).isEqualTo(Verdict.DENY);
    assertThat(v.describe()).contains("the effective security rules of NIC 'nic-1' list no NSG", "closed to inbound connections");
  }

  @Test
  void asg_membership_comes_from_the_nic_ip_configurations() {
    String nsgId = SUB + "networkSecurityGroups/nsg";
    SecurityRule denyToAsg = new SecurityRule("DenyToWeb", nsgId, 150, Direction.INBOUND, Access.DENY, TransportProtocol.ALL,
        List.of("*"), List.of("*"), List.of(), List.of("22-25"), List.of(), List.of(), List.of(), List.of(ASG), false);
    SecurityRule allowFromAsg = new SecurityRule("AllowFromWeb", nsgId, 160, Direction.INBOUND, Access.ALLOW, TransportProtocol.ALL,
        List.of(), List.of("*"), List.of("*"), List.of("8080"), List.of(), List.of(), List.of(ASG), List.of(), false);
    NetworkSecurityGroup nsg = new NetworkSecurityGroup(nsgId, "nsg", "rg", List.of(denyToAsg, allowFromAsg), List.of(),
        new Origin(nsgId, "nsg.json"));
    AzureFacts f = facts(List.of(nic("nic-1", "10.0.0.4", null, List.of(ASG)), nic("nic-2", "10.0.0.5", null, List.of())),
        nsgId, List.of(nsg), List.of());
    java.util.function.BiFunction<String, Flow, FlowVerdict> at = (ip, flow) -> FlowEvaluator.forNic(f, ip, flow);

    // destination ASG: the backend's own membership decides
    assertThat(at.apply("10.0.0.4", Flow.inbound("AzureLoadBalancer", "10.0.0.4", 25, TransportProtocol.TCP)).verdict()).isEqualTo(Verdict.DENY);
    assertThat(at.apply("10.0.0.5", Flow.inbound("AzureLoadBalancer", "10.0.0.5", 25, TransportProtocol.TCP)).verdict()).isEqualTo(Verdict.ALLOW);
    // source ASG: a NIC in the facts decides, an address outside the VNet is in no ASG, an unknown VNet address is unknown
    assertThat(at.apply("10.0.0.5", Flow.inbound("10.0.0.4", "10.0.0.5", 8080, TransportProtocol.TCP)).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(at.apply("10.0.0.5", Flow.inbound("203.0.113.5", "10.0.0.5", 8080, TransportProtocol.TCP)).verdict()).isEqualTo(Verdict.DENY);
    FlowVerdict unknown = at.apply("10.0.0.5", Flow.inbound("10.0.3.3", "10.0.0.5", 8080, TransportProtocol.TCP));
    assertThat(unknown.describe()).contains("whether nsg/AllowFromWeb@160 match could not be told");
    // with membership not known at all (the old behaviour), the destination rule is undecided
    assertThat(FlowEvaluator.forNic(f, "10.0.0.4", Flow.inbound("AzureLoadBalancer", "10.0.0.4", 25, TransportProtocol.TCP),
        AsgMembership.unknown()).verdict()).isEqualTo(Verdict.UNKNOWN);
  }
}
