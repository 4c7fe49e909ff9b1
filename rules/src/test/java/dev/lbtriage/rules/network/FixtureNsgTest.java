package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixtureNsgTest {
  static final String NSG_FILE = "azure-rest-api-specs.network.2025-10-01.NetworkSecurityGroupGet.json";
  static final String EFF_FILE = "azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveNSGList.json";
  static final NetworkContext VNET = NetworkContext.ofPrefixes("10.0.0.0/16");

  static NetworkSecurityGroup testnsg() {
    return ArmJson.nsg(ArmJson.read(NSG_FILE).at("/responses/200/body"), NSG_FILE);
  }

  @Test
  void fixtureHasAllSixDefaults() {
    NetworkSecurityGroup nsg = testnsg();
    assertThat(nsg.defaultRules()).extracting(SecurityRule::name).containsExactlyInAnyOrder("AllowVnetInBound",
        "AllowAzureLoadBalancerInBound", "DenyAllInBound", "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound");
    // and they are the ones the evaluator would supply
    for (SecurityRule d : NsgEvaluator.azureDefaultRules(nsg.id())) {
      SecurityRule f = nsg.defaultRules().stream().filter(r -> r.name().equals(d.name())).findFirst().orElseThrow();
      assertThat(List.of(f.priority(), f.direction(), f.access(), f.protocol(), f.sourcePrefixes(), f.destinationPrefixes()))
          .isEqualTo(List.of(d.priority(), d.direction(), d.access(), d.protocol(), d.sourcePrefixes(), d.destinationPrefixes()));
    }
  }

  @Test
  void defaultRulesAdmitTheLoadBalancerProbe() {
    NetworkSecurityGroup defaultsOnly = new NetworkSecurityGroup(testnsg().id(), "testnsg", "rg1", List.of(),
        testnsg().defaultRules(), testnsg().origin());
    for (String src : List.of("168.63.129.16", "AzureLoadBalancer", "azureloadbalancer")) {
      NsgDecision d = NsgEvaluator.evaluate(defaultsOnly, Flow.inbound(src, "10.0.0.4", 80, TransportProtocol.TCP), VNET);
      assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
      assertThat(d.decidingRule().name()).isEqualTo("AllowAzureLoadBalancerInBound");
      assertThat(d.describe()).isEqualTo("allowed by testnsg/AllowAzureLoadBalancerInBound@65001 (NSG, from " + NSG_FILE + ")");
    }
    NsgDecision internet = NsgEvaluator.evaluate(defaultsOnly, Flow.inbound("8.8.8.8", "10.0.0.4", 80, TransportProtocol.TCP), VNET);
    assertThat(internet.verdict()).isEqualTo(Verdict.DENY);
    assertThat(internet.decidingRule().name()).isEqualTo("DenyAllInBound");
  }

  @Test
  void customRuleOnPort80AdmitsAnyoneOnlyOn80() {
    NetworkSecurityGroup nsg = testnsg();
    NsgDecision on80 = NsgEvaluator.evaluate(nsg, Flow.inbound("Internet", "10.0.0.4", 80, TransportProtocol.UDP), VNET);
    assertThat(on80.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(on80.ruleLabel()).isEqualTo("testnsg/rule1@130");
    NsgDecision on81 = NsgEvaluator.evaluate(nsg, Flow.inbound("8.8.8.8", "10.0.0.4", 81, TransportProtocol.TCP), VNET);
    assertThat(on81.verdict()).isEqualTo(Verdict.DENY);
    assertThat(on81.ruleLabel()).isEqualTo("testnsg/DenyAllInBound@65500");
  }

  @Test
  void customDenyAllAbovePriorityWinsOverTheLoadBalancerAllow() {
    NetworkSecurityGroup base = testnsg();
    List<SecurityRule> rules = new ArrayList<>(base.rules());
    rules.add(new SecurityRule("DenyAll", base.id(), 100, dev.lbtriage.rules.facts.Direction.INBOUND, Access.DENY, TransportProtocol.ALL,
        List.of("*"), List.of("*"), List.of("*"), List.of("*"), List.of(), List.of(), List.of(), List.of(), false));
    rules.add(new SecurityRule("AllowLB", base.id(), 200, dev.lbtriage.rules.facts.Direction.INBOUND, Access.ALLOW, TransportProtocol.ALL,
        List.of("AzureLoadBalancer"), List.of("*"), List.of("*"), List.of("*"), List.of(), List.of(), List.of(), List.of(), false));
    NetworkSecurityGroup nsg = new NetworkSecurityGroup(base.id(), "testnsg", "rg1", rules, base.defaultRules(), base.origin());
    NsgDecision d = NsgEvaluator.evaluate(nsg, NsgLevel.SUBNET, Flow.inbound("AzureLoadBalancer", "10.0.0.4", 80, TransportProtocol.TCP), VNET);
    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
    assertThat(d.describe()).isEqualTo("denied by testnsg/DenyAll@100 (subnet NSG, from " + NSG_FILE + ")");
  }

  static EffectiveSecurityRules effectiveRules() {
    return ArmJson.effective(ArmJson.read(EFF_FILE).at("/responses/200/body"),
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/nic1", EFF_FILE);
  }

  @Test
  void effectiveRdpRuleAdmitsOnly1111() {
    EffectiveSecurityRules eff = effectiveRules();
    AzureFacts facts = new AzureFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(eff), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    EffectiveSecurityRules.EffectiveNsg g = eff.groups().get(0);
    NsgDecision ok = NsgEvaluator.evaluate(g, NsgLevel.SUBNET_AND_NIC, eff.origin(),
        Flow.inbound("1.1.1.1", "10.0.0.4", 3389, TransportProtocol.TCP), VNET);
    assertThat(ok.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(ok.decidingRule().name()).isEqualTo("securityRules/default-allow-rdp");

    NsgDecision no = NsgEvaluator.evaluate(g, NsgLevel.SUBNET_AND_NIC, eff.origin(),
        Flow.inbound("2.2.2.2", "10.0.0.4", 3389, TransportProtocol.TCP), VNET);
    assertThat(no.verdict()).isEqualTo(Verdict.DENY);
    assertThat(no.decidingRule().name()).isEqualTo("defaultSecurityRules/DenyAllInBound");
    assertThat(no.reason()).contains("Azure's assumed");

    // UDP is not TCP
    assertThat(NsgEvaluator.evaluate(g, NsgLevel.NIC, eff.origin(), Flow.inbound("1.1.1.1", "10.0.0.4", 3389, TransportProtocol.UDP), VNET)
        .verdict()).isEqualTo(Verdict.DENY);

    // through the facade: effective rules win (no NIC in the facts, so found by nothing: unknown)
    assertThat(FlowEvaluator.forNic(facts, "10.0.0.4", Flow.inbound("1.1.1.1", "10.0.0.4", 3389, TransportProtocol.TCP)).verdict())
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void effectiveInternetRuleUsesAzuresExpansion() {
    EffectiveSecurityRules eff = effectiveRules();
    EffectiveSecurityRules.EffectiveNsg g = eff.groups().get(0);
    // 33.1.1.1 is in the expanded 32.0.0.0/3; 8.8.8.8 is in none of the four expanded prefixes
    NsgDecision in = NsgEvaluator.evaluate(g, NsgLevel.NIC, eff.origin(), Flow.outbound("10.0.0.4", "33.1.1.1", 443, TransportProtocol.TCP),
        NetworkContext.withoutVnet());
    assertThat(in.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(in.decidingRule().name()).isEqualTo("defaultSecurityRules/AllowInternetOutBound");
    NsgDecision out = NsgEvaluator.evaluate(g, NsgLevel.NIC, eff.origin(), Flow.outbound("10.0.0.4", "8.8.8.8", 443, TransportProtocol.TCP),
        NetworkContext.withoutVnet());
    assertThat(out.decidingRule().name()).isNotEqualTo("defaultSecurityRules/AllowInternetOutBound");
  }

  @Test
  void jsonShapesParse() {
    JsonNode body = ArmJson.read(EFF_FILE).at("/responses/200/body");
    assertThat(body.get("value")).hasSize(1);
    assertThat(effectiveRules().groups().get(0).rules().get(1).sourcePorts()).containsExactly("0-65535");
  }
}
