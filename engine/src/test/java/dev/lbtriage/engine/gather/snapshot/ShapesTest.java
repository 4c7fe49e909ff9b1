package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.SnapshotProblem.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes no shared fixture has; small hand-written documents, so each case is plain to see. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShapesTest {

  private static final String RG = "/subscriptions/s/resourceGroups/rg/providers/";
  private static final String LB = RG + "Microsoft.Network/loadBalancers/lb";

  @TempDir
  Path tmp;

  private AzureFacts gather(String... nameAndJson) throws IOException {
    for (int i = 0; i < nameAndJson.length; i += 2) {
      Files.writeString(tmp.resolve(nameAndJson[i]), nameAndJson[i + 1].replace('\'', '"'));
    }
    return new SnapshotReader(tmp).gather("lb", Progress.none());
  }

  private static String lb(String properties) {
    return "{'id':'" + LB + "','name':'lb','type':'Microsoft.Network/loadBalancers','sku':{'name':'Standard'},"
        + "'properties':{" + properties + "}}";
  }

  @Test
  void ip_based_pool_members_keep_their_address_without_a_nic() throws IOException {
    AzureFacts facts = gather("lb.json", lb("'backendAddressPools':[{'id':'" + LB + "/backendAddressPools/p','name':'p',"
        + "'properties':{'loadBalancerBackendAddresses':[{'name':'a','properties':{'ipAddress':'10.1.0.7'}}]}}]"));
    assertThat(facts.loadBalancers().get(0).pools().get(0).members()).extracting("ipAddress", "nicId")
        .containsExactly(tuple("10.1.0.7", null));
    assertThat(facts.missing()).isEmpty();
  }

  @Test
  void a_probe_without_port_is_an_error_at_its_path_and_the_rule_is_kept() throws IOException {
    AzureFacts facts = gather("lb.json", lb("'probes':[{'name':'p','properties':{'protocol':'Tcp'}}],"
        + "'loadBalancingRules':[{'name':'r','properties':{'protocol':'Tcp','frontendPort':80,'backendPort':80,"
        + "'probe':{'id':'" + LB + "/probes/p'}}}]"));
    assertThat(facts.problems()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.file()).isEqualTo("lb.json");
      assertThat(p.jsonPath()).isEqualTo("$.properties.probes[0].properties.port");
      assertThat(p.message()).startsWith("missing required field 'port'");
    });
    assertThat(facts.loadBalancers().get(0).rules()).hasSize(1);
    assertThat(facts.missing()).extracting("kind").containsExactly("health-probe");
  }

  @Test
  void az_instance_view_at_the_top_level_gives_the_power_state() throws IOException {
    String nic = RG + "Microsoft.Network/networkInterfaces/n";
    AzureFacts facts = gather(
        "lb.json", lb("'backendAddressPools':[{'name':'p','backendIpConfigurations':[{'id':'" + nic + "/ipConfigurations/c'}]}]"),
        "nic.json", "{'id':'" + nic + "','type':'Microsoft.Network/networkInterfaces','ipConfigurations':[{'id':'" + nic
            + "/ipConfigurations/c','privateIpAddress':'10.0.0.9'}],'virtualMachine':{'id':'" + RG
            + "Microsoft.Compute/virtualMachines/vm'}}",
        "vm.json", "{'id':'" + RG + "Microsoft.Compute/virtualMachines/vm','type':'Microsoft.Compute/virtualMachines',"
            + "'instanceView':{'statuses':[{'code':'ProvisioningState/succeeded'},{'code':'PowerState/stopped'}]}}");
    assertThat(facts.virtualMachines()).singleElement()
        .satisfies(vm -> assertThat(vm.powerState()).isEqualTo(PowerState.STOPPED));
    assertThat(facts.loadBalancers().get(0).pools().get(0).members()).extracting("ipAddress").containsExactly("10.0.0.9");
  }

  @Test
  void lists_arrays_standalone_subnets_and_duplicates_are_handled() throws IOException {
    String subnet = RG + "Microsoft.Network/virtualNetworks/v/subnets/s";
    String s = "{'id':'" + subnet + "','type':'microsoft.network/VIRTUALNETWORKS/subnets','addressPrefix':'10.0.0.0/24'}";
    AzureFacts facts = gather(
        "a.json", "{'value':[" + lb("'frontendIPConfigurations':[{'name':'fe','properties':{'privateIPAddress':'10.0.0.4',"
            + "'subnet':{'id':'" + subnet + "'}}}]") + "]}",
        "b.json", "[" + s + "," + s + "]");
    assertThat(facts.subnets()).extracting("addressPrefixes").containsExactly(java.util.List.of("10.0.0.0/24"));
    assertThat(facts.problems()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Severity.NOTE);
      assertThat(p.jsonPath()).isEqualTo("$[1]");
    });
    assertThat(facts.missing()).extracting("kind").containsExactly("virtual-network");
  }
}
