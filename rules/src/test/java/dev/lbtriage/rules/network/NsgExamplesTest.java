package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
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

class NsgExamplesTest {
  static final String SUB = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/";
  static final NetworkContext VNET = NetworkContext.ofPrefixes("10.0.0.0/16");

  static SecurityRule rule(String name, int prio, Access a, String src, String dstPort) {
    return new SecurityRule(name, SUB + "networkSecurityGroups/nsg-web", prio, Direction.INBOUND, a, TransportProtocol.TCP,
        List.of(src), List.of("*"), List.of("*"), List.of(dstPort), List.of(), List.of(), List.of(), List.of(), false);
  }

  static NetworkSecurityGroup nsg(String name, SecurityRule... rules) {
    return new NetworkSecurityGroup(SUB + "networkSecurityGroups/" + name, name, "rg", List.of(rules), List.of(),
        new Origin(SUB + "networkSecurityGroups/" + name, "nsgs.json"));
  }

  @Test
  void primitivesParseAndRejectClearly() {
    assertThat(IpPrefix.parse("10.0.0.4/24").toString()).isEqualTo("10.0.0.0/24");
    assertThat(IpPrefix.parse("10.0.0.0/8").contains("10.255.1.1")).isTrue();
    assertThat(IpPrefix.parse("2001:db8::/32").contains("10.0.0.1")).isFalse();
    assertThat(IpPrefix.parse("::/0").contains("2001:db8::1")).isTrue();
    assertThat(IpPrefix.parse("0.0.0.0/0").contains("2001:db8::1")).isFalse();
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.300/8")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.300/8");
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> IpPrefix.parse("example.com")).hasMessageContaining("example.com");
    assertThat(PortRange.parse("0-65535").isAny()).isTrue();
    assertThat(PortRange.parse("80-90").contains(85)).isTrue();
    assertThat(PortRange.parse("*")).isEqualTo(PortRange.ANY);
    assertThatThrownBy(() -> PortRange.parse("90-80")).hasMessageContaining("90-80");
    assertThatThrownBy(() -> PortRange.parse("http")).hasMessageContaining("http");
    assertThatThrownBy(() -> PortRange.parse("70000")).hasMessageContaining("70000");
  }

  @Test
  void unresolvableTagGivesUnknownNamingTheRule() {
    NsgDecision d = NsgEvaluator.evaluate(nsg("nsg-web", rule("AllowStorage", 200, Access.ALLOW, "Storage", "443")),
        NsgLevel.SUBNET, Flow.inbound("52.1.1.1", "10.0.0.4", 443, TransportProtocol.TCP), VNET);
    assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(d.describe()).startsWith("undecided at nsg-web/AllowStorage@200 (subnet NSG, from nsgs.json): service tag 'Storage'");
    // a rule above it decides regardless
    NsgDecision above = NsgEvaluator.evaluate(nsg("nsg-web", rule("DenyAll", 100, Access.DENY, "*", "*"),
        rule("AllowStorage", 200, Access.ALLOW, "Storage", "443")), Flow.inbound("52.1.1.1", "10.0.0.4", 443, TransportProtocol.TCP), VNET);
    assertThat(above.verdict()).isEqualTo(Verdict.DENY);
    // an undecidable deny before the default deny still denies
    NsgDecision denyTag = NsgEvaluator.evaluate(nsg("nsg-web", rule("DenyStorage", 200, Access.DENY, "storage", "443")),
        Flow.inbound("52.1.1.1", "10.0.0.4", 443, TransportProtocol.TCP), VNET);
    assertThat(denyTag.verdict()).isEqualTo(Verdict.DENY);
    assertThat(denyTag.decidingRule().name()).isEqualTo("DenyAllInBound");
  }

  @Test
  void internetSourceOnlyPartlyCoveredIsUnknownButAConcreteClientDecides() {
    NetworkSecurityGroup office = nsg("nsg-web", rule("AllowOffice", 100, Access.ALLOW, "203.0.113.0/24", "443"));
    assertThat(NsgEvaluator.evaluate(office, Flow.inbound("Internet", "10.0.0.4", 443, TransportProtocol.TCP), VNET).verdict())
        .isEqualTo(Verdict.UNKNOWN);
    assertThat(NsgEvaluator.evaluate(office, Flow.inbound("203.0.113.7", "10.0.0.4", 443, TransportProtocol.TCP), VNET).verdict())
        .isEqualTo(Verdict.ALLOW);
    assertThat(NsgEvaluator.evaluate(office, Flow.inbound("198.51.100.7", "10.0.0.4", 443, TransportProtocol.TCP), VNET).verdict())
        .isEqualTo(Verdict.DENY);
    NetworkSecurityGroup internet = nsg("nsg-web", rule("AllowWeb", 100, Access.ALLOW, "INTERNET", "443"));
    assertThat(NsgEvaluator.evaluate(internet, Flow.inbound("Internet", "10.0.0.4", 443, TransportProtocol.TCP), VNET).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void facadeCombinesSubnetAndNicAndReportsWhatIsMissing() {
    String subnetId = SUB + "virtualNetworks/vnet-web/subnets/web";
    String nicId = SUB + "networkInterfaces/nic-web";
    NetworkSecurityGroup subnetNsg = nsg("nsg-subnet", rule("DenyAll", 100, Access.DENY, "*", "*"));
    NetworkSecurityGroup nicNsg = nsg("nsg-nic", rule("AllowWeb", 100, Access.ALLOW, "*", "80"));
    NetworkInterface nic = new NetworkInterface(nicId, "nic-web", "rg",
        List.of(new NicIpConfiguration(nicId + "/ipConfigurations/ip1", "ip1", nicId, "10.0.0.4", subnetId, null, true, List.of(), List.of())),
        nicNsg.id(), null, null, false, new Origin(nicId, "nics.json"));
    Subnet subnet = new Subnet(subnetId, "web", SUB + "virtualNetworks/vnet-web", List.of("10.0.0.0/24"), subnetNsg.id(), null, null);
    VirtualNetwork vnet = new VirtualNetwork(SUB + "virtualNetworks/vnet-web", "vnet-web", List.of("10.0.0.0/16"), List.of(), null);
    Flow probe = Flow.inbound("AzureLoadBalancer", "10.0.0.4", 80, TransportProtocol.TCP);

    AzureFacts all = facts(List.of(nic), List.of(subnet), List.of(vnet), List.of(subnetNsg, nicNsg));
    FlowVerdict v = FlowEvaluator.forNic(all, "10.0.0.4", probe);
    assertThat(v.verdict()).isEqualTo(Verdict.DENY);
    assertThat(v.decisions()).extracting(NsgDecision::level).containsExactly(NsgLevel.SUBNET, NsgLevel.NIC);
    assertThat(v.decisions().get(0).describe()).isEqualTo("denied by nsg-subnet/DenyAll@100 (subnet NSG, from nsgs.json)");
    assertThat(v.decisions().get(1).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(v.describe()).contains("denied by nsg-subnet/DenyAll@100");

    // outbound: NIC first
    FlowVerdict out = FlowEvaluator.forNic(all, nicId, Flow.outbound("10.0.0.4", "8.8.8.8", 443, TransportProtocol.TCP));
    assertThat(out.decisions()).extracting(NsgDecision::level).containsExactly(NsgLevel.NIC, NsgLevel.SUBNET);

    // subnet missing from the facts: that level is unknown, not allowed
    FlowVerdict noSubnet = FlowEvaluator.forNic(facts(List.of(nic), List.of(), List.of(vnet), List.of(nicNsg)), nicId, probe);
    assertThat(noSubnet.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(noSubnet.decisions().get(0).reason()).contains("subnet 'web' is not in the facts");

    // no NSG on the subnet allows at that level
    Subnet bare = new Subnet(subnetId, "web", vnet.id(), List.of("10.0.0.0/24"), null, null, null);
    FlowVerdict open = FlowEvaluator.forNic(facts(List.of(nic), List.of(bare), List.of(vnet), List.of(nicNsg)), nicId, probe);
    assertThat(open.verdict()).isEqualTo(Verdict.ALLOW);

    // attached NSG not in the facts
    FlowVerdict noNsg = FlowEvaluator.forNic(facts(List.of(nic), List.of(bare), List.of(vnet), List.of()), nicId, probe);
    assertThat(noNsg.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(noNsg.decisions().get(1).reason()).contains("NSG 'nsg-nic' is attached but not in the facts");

    // unknown NIC
    assertThat(FlowEvaluator.forNic(all, "10.9.9.9", probe).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  static AzureFacts facts(List<NetworkInterface> nics, List<Subnet> subnets, List<VirtualNetwork> vnets, List<NetworkSecurityGroup> nsgs) {
    return new AzureFacts(List.of(), nics, List.of(), subnets, vnets, nsgs, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of());
  }
}
