package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static dev.lbtriage.bot.cli.Cli.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

  @Test
  void internal_basic_shows_the_frontend_member_probe_verdict_route_and_missing_facts() {
    Result r = run("show", "--snapshot", snapshot("internal-basic"));

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Load balancer lb  (Basic, internal, resource group rg1, westus)")
        .contains("Frontends (1)")
        .contains("fe-lb  private  10.0.1.4  subnet subnetlb")
        .contains("rulelb  Tcp  fe-lb:80 -> be-lb:80  probe probe-lb  floating IP on")
        .contains("probe-lb  Http  :80  healthcheck.aspx  every 15s, count 2")
        .contains("be-lb: 1 member, rules rulelb")
        .contains("10.0.1.5  NIC test-nic  VM vm1 (not in snapshot)  power state unknown")
        .containsPattern("probe probe-lb +Tcp AzureLoadBalancer -> 10\\.0\\.1\\.5:80 +ALLOWED")
        .contains("allowed by testnsg/defaultSecurityRules/AllowAzureLoadBalancerInBound@65001")
        // every client, as diagnose judges it: denied from the internet, allowed from the VNet, so the address decides;
        // floating IP: the data flow keeps the frontend's address as destination
        .containsPattern("rule rulelb +UNKNOWN \\(over the flows below\\)")
        .containsPattern("Tcp Internet -> 10\\.0\\.1\\.4:80 +DENIED")
        .containsPattern("Tcp VirtualNetwork -> 10\\.0\\.1\\.4:80 +ALLOWED")
        .contains("route to 168.63.129.16: 0.0.0.0/0 -> Internet (system route)")
        .contains("Missing facts (2), treated as unknown")
        .containsPattern("network-security-group +nsg +referenced by test-nic: not in the snapshot");
  }

  @Test
  void public_basic_shows_both_members_their_power_state_and_the_denied_data_flow() {
    Result r = run("show", "--snapshot", snapshot("public-basic-natrules"));

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("(Basic, public, resource group rg164701, eastus)")
        .contains("frontend02496976d2  public  137.135.106.120  public IP pipa164701")
        .contains("Probes (2)")
        .contains("natrule1  Tcp  frontend02496976d2:88 -> 88  nic43187a6ecd2/primary")
        .contains("backend1: 2 members, rules rule1")
        .contains("probe flows: 2 allowed; data flows: 1 allowed, 1 unknown")
        .contains("10.0.0.5  NIC nic43187a6ecd2  VM vm74f116254d  deallocated")
        .contains("10.0.0.4  NIC nic28110592805  VM vmb9f0738985  running")
        .containsPattern("rule rule1 +UNKNOWN \\(over the flows below\\)")
        .containsPattern("Tcp Internet -> 10\\.0\\.0\\.4:82 +DENIED")
        .contains("denied by nsg164701/defaultSecurityRules/DenyAllInBound@65500")
        .containsPattern("rule rule1 +ALLOWED \\(over the flows below\\)")
        .containsPattern("Tcp Internet -> 10\\.0\\.0\\.5:82 +ALLOWED")
        .contains("allowed at the subnet NSG: no NSG on subnet 'subnet1'");
  }

  @Test
  void standard_shows_two_empty_pools_and_the_rule_without_probe() {
    Result r = run("show", "--snapshot", snapshot("standard-crudprobe"));

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("lb24987  (Standard, internal")
        .contains("Load-balancing rules (2)")
        .containsPattern("httpsRule +Tcp +lb24987-FE1:443 -> lb24987-BAP2:443 +no probe")
        .containsPattern("httpProbe +Http +:80 +/ +every 15s, count 2")
        .contains("lb24987-BAP1: 0 members, rules httpRule")
        .contains("lb24987-BAP2: 0 members, rules httpsRule");
  }

  @Test
  void vmss_shows_four_instances_per_pool_and_names_the_missing_instance_nics() {
    Result r = run("show", "--snapshot", snapshot("vmss-zone-redundant"));

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("(Standard, public")
        .contains("extlb1-3b962020e-BAP1: 4 members, rules httpRule")
        .contains("extlb1-3b962020e-BAP2: 4 members, rules httpsRule")
        // the instances whose NIC is not in the snapshot are evaluated from the scale set model, as diagnose does
        .contains("probe flows: 4 allowed; data flows: 4 denied")
        .contains("10.0.1.4  NIC vmss47409/0/primary-nic-cfg  VM vmss47409/0")
        .containsPattern("rule httpRule +DENIED \\(over the flows below\\)")
        .containsPattern("Tcp Internet -> 10\\.0\\.1\\.4:80 +DENIED")
        .contains("is Standard SKU, closed to inbound connections unless an NSG")
        .contains("NIC vmss47409/3/primary-nic-cfg (not in snapshot)")
        .contains("note: evaluated from the scale set model's network profile: the instance's NIC is not in the snapshot")
        .containsPattern("Tcp Internet -> 10\\.0\\.0\\.0/28:80 +DENIED")
        .containsPattern("network-interface +vmss47409/2/primary-nic-cfg +referenced by extlb1-3b962020e-BAP1");
  }

  @Test
  void json_has_the_topology_the_verdicts_with_deciding_rules_and_an_empty_problems_array() {
    Result r = run("show", "--snapshot", snapshot("public-basic-natrules"), "--format", "json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = r.json();
    assertThat(j.path("loadBalancer").path("name").asText()).isEqualTo("lb164701");
    assertThat(j.path("loadBalancer").path("sku").asText()).isEqualTo("Basic");
    assertThat(j.path("loadBalancer").path("internal").asBoolean()).isFalse();
    assertThat(j.path("frontends").get(0).path("publicIp").asText()).isEqualTo("137.135.106.120");
    assertThat(j.path("rules").get(0).path("probe").asText()).isEqualTo("tcpProbe1");
    assertThat(j.path("probes")).hasSize(2);
    assertThat(j.path("probes").get(0).path("requestPath").asText()).isEqualTo("/");
    assertThat(j.path("natRules")).hasSize(1);
    JsonNode members = j.path("pools").get(0).path("members");
    assertThat(members).hasSize(2);
    JsonNode running = members.get(1);
    assertThat(running.path("ipAddress").asText()).isEqualTo("10.0.0.4");
    assertThat(running.path("powerState").asText()).isEqualTo("running");
    assertThat(running.path("probeFlows").get(0).path("probe").asText()).isEqualTo("tcpProbe1");
    assertThat(running.path("probeFlows").get(0).path("verdict").asText()).isEqualTo("ALLOW");
    JsonNode data = running.path("dataFlows").get(0);
    assertThat(data.path("rule").asText()).isEqualTo("rule1");
    assertThat(data.path("flow").path("source").asText()).isEqualTo("Internet");
    assertThat(data.path("flow").path("destinationPort").asInt()).isEqualTo(82);
    // the verdict diagnose holds: denied from the internet, allowed from the VNet, so the client's address decides
    assertThat(data.path("verdict").asText()).isEqualTo("UNKNOWN");
    assertThat(data.path("flows").get(0).path("verdict").asText()).isEqualTo("DENY");
    assertThat(data.path("flows").get(1).path("flow").path("source").asText()).isEqualTo("VirtualNetwork");
    assertThat(data.path("flows").get(1).path("verdict").asText()).isEqualTo("ALLOW");
    assertThat(data.path("evidence").asText()).contains("the client's own address decides");
    JsonNode decision = data.path("decisions").get(0);
    assertThat(decision.path("rule").path("label").asText()).isEqualTo("nsg164701/defaultSecurityRules/DenyAllInBound@65500");
    assertThat(decision.path("file").asText()).isEqualTo("nic28110592805.effective-nsg.json");
    assertThat(running.path("routeToProbeSource").path("nextHopType").asText()).isEqualTo("Internet");
    assertThat(members.get(0).path("powerState").asText()).isEqualTo("deallocated");
    assertThat(j.path("missing").isArray()).isTrue();
    assertThat(j.path("problems").isArray()).isTrue();
    assertThat(j.path("problems")).isEmpty();
  }

  @Test
  void several_load_balancers_without_lb_are_listed_and_exit_zero() {
    Result r = run("show", "--snapshot", snapshot("broken"));

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("3 load balancers in snapshot folder")
        .containsPattern("lb-eighty +rg1 +Basic +internal +probe-port-eighty\\.json")
        .contains("Pick one with --lb NAME");
  }

  @Test
  void several_load_balancers_in_json_are_a_list_with_the_problems() {
    Result r = run("show", "--snapshot", snapshot("broken"), "--format", "json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = r.json();
    assertThat(j.path("loadBalancers")).hasSize(3);
    assertThat(j.path("loadBalancers").get(0).path("name").asText()).isEqualTo("lb");
    assertThat(j.path("loadBalancers").get(0).path("sku").asText()).isEqualTo("Basic");
    assertThat(j.path("problems")).hasSize(8);
  }

  @Test
  void a_broken_snapshot_reports_each_problem_on_one_stderr_line_and_still_shows_the_load_balancer() {
    Result r = run("show", "--snapshot", snapshot("broken"), "--lb", "lb");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Load balancer lb  (Basic, internal").contains("Probes (1)");
    assertThat(r.err().lines())
        .hasSize(8)
        .allSatisfy(l -> assertThat(l).matches("lb-triage: (warning|note): \\S+\\.json \\$\\S*: .+"))
        .contains("lb-triage: warning: probe-port-eighty.json $.properties.probes[1].properties.port: "
            + "'port' must be an integer, found a string \"eighty\" (line 99)");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void a_broken_snapshot_in_json_has_the_problems_array_with_file_path_and_message() {
    Result r = run("show", "--snapshot", snapshot("broken"), "--lb", "lb-eighty", "--format", "json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = r.json();
    assertThat(j.path("loadBalancer").path("name").asText()).isEqualTo("lb-eighty");
    assertThat(j.path("probes")).hasSize(1);
    assertThat(j.path("problems")).hasSize(8);
    assertThat(j.path("problems")).anySatisfy(p -> {
      assertThat(p.path("severity").asText()).isEqualTo("ERROR");
      assertThat(p.path("file").asText()).isEqualTo("probe-port-eighty.json");
      assertThat(p.path("jsonPath").asText()).isEqualTo("$.properties.probes[1].properties.port");
      assertThat(p.path("message").asText()).contains("eighty");
    });
  }

  @Test
  void an_unknown_lb_exits_2_naming_those_that_exist() {
    Result r = run("show", "--snapshot", snapshot("broken"), "--lb", "nope");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("lb-triage show: no load balancer 'nope'")
        .endsWith("it has: lb, lb-eighty, lb-strings");
  }

  @Test
  void a_missing_snapshot_folder_exits_2_with_one_line_naming_the_path_and_what_to_do() {
    Result r = run("show", "--snapshot", "no-such-folder-42");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("no-such-folder-42").contains("point --snapshot at a folder");
  }

  @Test
  void a_folder_without_json_files_exits_2_with_one_line(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("readme.txt"), "not json");

    Result r = run("show", "--snapshot", dir.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains(dir.toAbsolutePath().toString());
  }

  @Test
  void a_snapshot_without_a_load_balancer_exits_2_saying_how_to_capture_one(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(snapshot("internal-basic"), "nsg.json"), dir.resolve("nsg.json"));

    Result r = run("show", "--snapshot", dir.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(lines(r.err())).isEqualTo(1);
    assertThat(r.err()).contains("no load balancer in snapshot folder").contains("az network lb show");
  }

  @Test
  void missing_snapshot_option_or_bad_format_exit_2() {
    Result noSnapshot = run("show");
    Result badFormat = run("show", "--snapshot", snapshot("internal-basic"), "--format", "xml");

    assertThat(noSnapshot.exit()).isEqualTo(2);
    assertThat(lines(noSnapshot.err())).isEqualTo(1);
    assertThat(noSnapshot.err()).contains("--snapshot");
    assertThat(badFormat.exit()).isEqualTo(2);
    assertThat(lines(badFormat.err())).isEqualTo(1);
    assertThat(badFormat.err()).contains("--output").contains("xml").contains("table, tsv, yaml");
  }

  @Test
  void format_is_case_insensitive() {
    Result r = run("show", "--snapshot", snapshot("internal-basic"), "--format", "JSON");

    assertThat(r.exit()).isZero();
    assertThat(r.json().path("loadBalancer").path("internal").asBoolean()).isTrue();
  }

  @Test
  void help_describes_the_command_and_shows_an_example() {
    Result r = run("show", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: lb-triage show").contains("--snapshot=DIR").contains("-n, --lb, --name=NAME")
        .contains("-o=FORMAT").contains("-o, --output, --format=FORMAT").contains("Examples:").contains("lb-triage show --snapshot ./incident-42");
  }
}
