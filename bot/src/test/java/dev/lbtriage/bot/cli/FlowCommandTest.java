package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static dev.lbtriage.bot.cli.Cli.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowCommandTest {

  private static final String NATRULES = snapshot("public-basic-natrules");
  private static final String INTERNAL = snapshot("internal-basic");

  @Test
  void internet_to_a_nic_whose_effective_rules_deny_is_denied_by_the_default_rule_and_names_the_file() {
    Result r = run("flow", "--snapshot", NATRULES, "--to", "10.0.0.4", "--port", "82");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .isEqualTo("DENIED  Tcp Internet -> 10.0.0.4:82  at NIC nic28110592805");
    assertThat(r.out())
        .contains("1. denied by nsg164701/defaultSecurityRules/DenyAllInBound@65500 "
            + "(subnet and NIC NSG, from nic28110592805.effective-nsg.json)");
  }

  @Test
  void a_custom_allow_rule_decides_for_its_source_and_the_default_deny_for_another() {
    Result allowed = run("flow", "--snapshot", INTERNAL, "--to", "test-nic", "--port", "3389", "--from", "1.1.1.1");
    Result denied = run("flow", "--snapshot", INTERNAL, "--to", "test-nic", "--port", "3389", "--from", "8.8.8.8");

    assertThat(allowed.exit()).isZero();
    assertThat(allowed.out()).startsWith("ALLOWED  Tcp 1.1.1.1 -> 10.0.1.5:3389  at NIC test-nic")
        .contains("allowed by testnsg/securityRules/default-allow-rdp@1000");
    assertThat(denied.out()).startsWith("DENIED  Tcp 8.8.8.8 -> 10.0.1.5:3389")
        .contains("denied by testnsg/defaultSecurityRules/DenyAllInBound@65500");
  }

  @Test
  void a_nic_without_nsgs_is_allowed_at_both_levels() {
    Result r = run("flow", "--snapshot", NATRULES, "--to", "nic43187a6ecd2", "--port", "25", "--from", "AzureLoadBalancer");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("ALLOWED  Tcp AzureLoadBalancer -> 10.0.0.5:25  at NIC nic43187a6ecd2")
        .contains("1. allowed at the subnet NSG: no NSG on subnet 'subnet1'")
        .contains("2. allowed at the NIC NSG: no NSG on NIC 'nic43187a6ecd2'");
  }

  @Test
  void outbound_takes_the_nic_from_from_and_the_destination_from_to() {
    Result r = run("flow", "--snapshot", INTERNAL, "--from", "10.0.1.5", "--to", "1.2.3.4", "--port", "443",
        "--direction", "outbound");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("ALLOWED  outbound Tcp 10.0.1.5 -> 1.2.3.4:443  at NIC test-nic")
        .contains("allowed by testnsg/defaultSecurityRules/AllowInternetOutBound@65001");
  }

  @Test
  void a_tag_only_partly_covered_by_the_rules_is_unknown_with_the_reason() {
    Result r = run("flow", "--snapshot", INTERNAL, "--from", "test-nic", "--to", "Internet", "--port", "443",
        "--direction", "outbound");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("UNKNOWN  outbound Tcp 10.0.1.5 -> Internet:443")
        .contains("give a concrete address to decide");
  }

  @Test
  void json_has_the_flow_the_verdict_and_each_level_with_rule_and_file() {
    Result r = run("flow", "--snapshot", NATRULES, "--to", "10.0.0.4", "--port", "82", "--protocol", "udp",
        "--format", "json");

    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    assertThat(j.path("nic").path("name").asText()).isEqualTo("nic28110592805");
    assertThat(j.path("flow").path("protocol").asText()).isEqualTo("Udp");
    assertThat(j.path("flow").path("source").asText()).isEqualTo("Internet");
    assertThat(j.path("flow").path("destination").asText()).isEqualTo("10.0.0.4");
    assertThat(j.path("verdict").asText()).isEqualTo("DENY");
    JsonNode d = j.path("decisions").get(0);
    assertThat(d.path("level").asText()).isEqualTo("subnet and NIC NSG");
    assertThat(d.path("nsg").asText()).isEqualTo("nsg164701");
    assertThat(d.path("file").asText()).isEqualTo("nic28110592805.effective-nsg.json");
    assertThat(d.path("rule").path("priority").asInt()).isEqualTo(65500);
    assertThat(d.path("rule").path("access").asText()).isEqualTo("Deny");
    assertThat(j.path("notes").get(0).asText()).contains("effective security rules");
    assertThat(j.path("problems")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "port out of range      | --port 70000                | --port 70000 is outside 0-65535",
      "port not a number      | --port eighty               | --port",
      "unknown protocol       | --port 80 --protocol Icmp   | --protocol",
      "source neither IP nor tag | --port 80 --from 10.0.0   | --from '10.0.0' is neither an IP address nor",
      "bad direction          | --port 80 --direction up    | --direction",
  })
  void bad_input_exits_2_with_one_line(String name, String extra, String expected) {
    String[] args = ("flow --snapshot " + NATRULES + " --to 10.0.0.4 " + extra).split(" ");

    Result r = run(args);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains(expected);
  }

  @Test
  void an_unknown_nic_ip_exits_2_naming_the_nics_that_exist() {
    Result r = run("flow", "--snapshot", NATRULES, "--to", "10.9.9.9", "--port", "80");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("no NIC with IP 10.9.9.9")
        .contains("it has 2 NICs: nic28110592805 (10.0.0.4), nic43187a6ecd2 (10.0.0.5)");
  }

  @Test
  void an_unknown_nic_name_exits_2_naming_the_nics_that_exist() {
    Result r = run("flow", "--snapshot", NATRULES, "--to", "web-nic", "--port", "80");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no NIC 'web-nic' in the snapshot; it has 2 NICs");
  }

  @Test
  void outbound_without_from_exits_2_explaining_the_roles() {
    Result r = run("flow", "--snapshot", NATRULES, "--to", "8.8.8.8", "--port", "53", "--direction", "outbound");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("with --direction outbound, --from names the NIC");
  }

  @Test
  void help_describes_the_command_and_shows_examples() {
    Result r = run("flow", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: lb-triage flow").contains("--to=NIC_OR_IP").contains("--port=N")
        .contains("--from=IP|TAG").contains("Examples:").contains("--direction outbound");
  }
}
