package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan the golden and every-text tests rely on finds what the issue found, and passes clean text. */
class HolesTest {
  @Test
  void finds_unfilled_placeholders_in_every_spelling() {
    assertThat(Holes.in("az network nsg rule create --priority <freePriority> --direction Inbound")).isNotEmpty();
    assertThat(Holes.in("NSGs must allow that address on {backendPort}.")).hasSize(1);
    assertThat(Holes.in("psping 10.0.0.5:&lt;probePort&gt;")).hasSize(1);
    assertThat(Holes.in("az vmss update -n x --nics <second-nic-name>")).hasSize(1);
  }

  @Test
  void finds_changes_to_default_rules_and_priorities_azure_refuses() {
    assertThat(Holes.in("az network nsg rule delete -g rg1 --nsg-name nsg -n DenyAllInBound")).hasSize(1);
    assertThat(Holes.in("az network nsg rule update --resource-group rg --nsg-name n --name AllowAzureLoadBalancerInBound --priority 100"))
        .hasSize(1);
    assertThat(Holes.in("az network nsg rule create --resource-group rg --nsg-name n --name A --priority 65001 --access Allow"))
        .hasSize(1);
    assertThat(Holes.in("az network nsg rule create --resource-group rg --nsg-name n --name A --priority 99 --access Allow"))
        .hasSize(1);
  }

  @Test
  void passes_complete_commands_json_and_arrows() {
    assertThat(Holes.in("""
        az network nsg rule create --resource-group rg-web --nsg-name nsg-web --name AllowAzureLoadBalancerProbe --priority 4096
        az network nsg rule delete --resource-group rg-web --nsg-name nsg-web --name DenyAll
        probe tcpProbe1: inbound TCP AzureLoadBalancer -> 10.0.0.4:25: DENY
        you> the probe fails
        { "cause" : "probe-port-blocked" }
        "command" : "az network nsg rule update --resource-group rg-web --nsg-name nsg-web --name DenyAll --priority 101",
        """)).isEmpty();
  }

  @Test
  void checks_every_priority_of_a_line_where_a_json_string_ends_it() {
    assertThat(Holes.in("\"command\" : \"az network nsg rule update -g rg --nsg-name n --name DenyAll --priority 5000\","))
        .singleElement().asString().contains("priority 5000 is not");
    assertThat(Holes.in("[\"az network nsg rule create -g rg --nsg-name n -n A --priority 99 --access Allow\", "
        + "\"az network nsg rule update -g rg --nsg-name n -n B --priority 101\"]")).singleElement().asString().contains("priority 99 ");
  }
}
