package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network-watcher session record holds a real ipFlowVerify answer and the NSG, NIC and VNet it
 * was asked about; our offline verdict must agree with Azure's. The request body is not recorded:
 * its parameters come from the test that made the recording (see fixtures/network/NOTES.md).
 */
class IpFlowVerifyAgreementTest {
  static final String FILE = "azure-libraries-for-java.azure.testNetworkWatcherFunctions.session-record.json";

  @Test
  void ourVerdictAgreesWithAzuresIpFlowVerify() {
    JsonNode record = ArmJson.read(FILE);
    JsonNode answer = last(ArmJson.sessionBodies(record, "POST", "/ipFlowVerify"));
    JsonNode nsgJson = last(ArmJson.sessionBodies(record, "GET", "/networkSecurityGroups/nsg923478?"));
    JsonNode nicJson = last(ArmJson.sessionBodies(record, "GET", "/networkInterfaces/ni923478?"));
    JsonNode vnetJson = last(ArmJson.sessionBodies(record, "GET", "/virtualNetworks/vnet2532282488?"));

    NetworkSecurityGroup nsg = ArmJson.nsg(nsgJson, FILE);
    JsonNode ipc = nicJson.at("/properties/ipConfigurations/0");
    String subnetId = ipc.at("/properties/subnet/id").asText();
    NetworkInterface nic = new NetworkInterface(nicJson.get("id").asText(), nicJson.get("name").asText(), "rg923478",
        List.of(new NicIpConfiguration(ipc.get("id").asText(), "primary", nicJson.get("id").asText(),
            ipc.at("/properties/privateIPAddress").asText(), subnetId, null, true, List.of(), List.of())),
        nicJson.at("/properties/networkSecurityGroup/id").asText(null), null, null, true, new Origin(nicJson.get("id").asText(), FILE));
    List<Subnet> subnets = new ArrayList<>();
    for (JsonNode s : vnetJson.at("/properties/subnets")) {
      subnets.add(new Subnet(s.get("id").asText(), s.get("name").asText(), vnetJson.get("id").asText(),
          List.of(s.at("/properties/addressPrefix").asText()), s.at("/properties/networkSecurityGroup/id").asText(null), null,
          new Origin(s.get("id").asText(), FILE)));
    }
    List<String> space = new ArrayList<>();
    vnetJson.at("/properties/addressSpace/addressPrefixes").forEach(p -> space.add(p.asText()));
    VirtualNetwork vnet = new VirtualNetwork(vnetJson.get("id").asText(), vnetJson.get("name").asText(), space, List.of(),
        new Origin(vnetJson.get("id").asText(), FILE));
    AzureFacts facts = new AzureFacts(List.of(), List.of(nic), List.of(), subnets, List.of(vnet), List.of(nsg), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    // verifyIPFlow(): Outbound, TCP, local 10.0.0.4:443, remote 8.8.8.8:443 (from AzureTests.testNetworkWatcherFunctions)
    Flow flow = new Flow("10.0.0.4", "8.8.8.8", 443, 443, TransportProtocol.TCP, Direction.OUTBOUND);
    FlowVerdict v = FlowEvaluator.forNic(facts, nic.id(), flow);

    assertThat(answer.get("access").asText()).isEqualTo("Allow");
    assertThat(v.verdict().name()).isEqualToIgnoringCase(answer.get("access").asText());
    NsgDecision nicLevel = v.decisions().get(0);
    assertThat(nicLevel.level()).isEqualTo(NsgLevel.NIC);
    String azureRule = answer.get("ruleName").asText(); // defaultSecurityRules/AllowInternetOutBound
    assertThat(azureRule.substring(azureRule.lastIndexOf('/') + 1)).isEqualTo(nicLevel.decidingRule().name());
    assertThat(v.decisions().get(1).describe()).isEqualTo("allowed at the subnet NSG: no NSG on subnet 'subnet1'");
  }

  private static JsonNode last(List<JsonNode> bodies) {
    assertThat(bodies).isNotEmpty();
    return bodies.get(bodies.size() - 1);
  }
}
