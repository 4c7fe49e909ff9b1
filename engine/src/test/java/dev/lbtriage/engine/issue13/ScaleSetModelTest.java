package dev.lbtriage.engine.issue13;

import static dev.lbtriage.engine.issue13.Issue13Snapshots.diagnose;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.example;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.facts;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.finding;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.issue13;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Scale set instances whose NICs are not in the facts: the model's network profile decides, and says so. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScaleSetModelTest {

  @Test
  void the_model_nic_configuration_gives_nsg_subnet_and_name_and_the_model_nsg_is_followed() {
    AzureFacts facts = facts(example("vmss-model-nsg-blocks-probe"));
    VmScaleSet s = facts.vmScaleSets().get(0);
    assertThat(s.nsgId()).endsWith("/networkSecurityGroups/nsg-vmss47409");
    assertThat(s.subnetId()).endsWith("/virtualNetworks/vmssvnet/subnets/subnet1");
    assertThat(s.nicConfigName()).isEqualTo("primary-nic-cfg");
    assertThat(facts.networkSecurityGroups()).extracting(n -> n.name()).containsExactly("nsg-vmss47409");
    assertThat(facts.networkInterfaces()).as("no instance NIC in the snapshot").isEmpty();
  }

  @Test
  void confirmed_the_model_nsg_denies_the_probe_and_the_evidence_says_the_model_decided() {
    Diagnosis d = diagnose(example("vmss-model-nsg-blocks-probe"), "probe-down", List.of(), List.of());
    Diagnosis.CauseFinding f = finding(d, "probe-port-blocked");
    assertThat(f.status()).isEqualTo("confirmed");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e)
        .contains("scale set vmss47409", "DenyAll", "scale set model's network profile", "instance NICs are not in the facts"));
    assertThat(d.remediation()).filteredOn(r -> r.cause().equals("probe-port-blocked")).singleElement()
        .satisfies(r -> assertThat(r.fixes()).anySatisfy(c -> assertThat(c.command())
            .contains("az network nsg rule update --resource-group javacsmrg93007 --nsg-name nsg-vmss47409 --name DenyAll --priority 101")));
  }

  @Test
  void the_model_also_decides_the_clients_the_user_names() {
    Diagnosis d = diagnose(example("vmss-model-nsg-blocks-probe"), "data-port-down",
        List.of(new Answer("client-ip", "203.0.113.7")), List.of());
    Diagnosis.CauseFinding f = finding(d, "data-port-blocked");
    assertThat(f.status()).isEqualTo("confirmed");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("203.0.113.7", "DenyAll", "scale set model"));
    assertThat(d.notices()).anySatisfy(n -> assertThat(n).contains("az vmss nic list -g javacsmrg93007 --vmss-name vmss47409"));
  }

  @Test
  void ruled_out_the_model_nsg_admits_the_probe_and_the_guest_firewall_does_too() {
    Diagnosis d = diagnose(issue13("vmss-model-nsg-allows"), "probe-down",
        List.of(new Answer("guest-firewall-allows-probe", "yes")), List.of());
    Diagnosis.CauseFinding f = finding(d, "probe-port-blocked");
    assertThat(f.status()).isEqualTo("ruled-out");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("AllowAzureLoadBalancerInBound", "scale set model"));
  }

  @Test
  void asked_for_when_the_model_admits_the_probe_nothing_is_confirmed_and_the_instance_addresses_are_asked_for_first() {
    Diagnosis d = diagnose(issue13("vmss-model-nsg-allows"), "probe-down", List.of(), List.of());
    assertThat(finding(d, "probe-port-blocked").status()).isEqualTo("suspected");
    // questions go only to backends with an address (a check needs one): the instance IPs come first
    assertThat(d.questions()).isEmpty();
    assertThat(d.notices()).anySatisfy(n -> assertThat(n).contains("az vmss nic list"));
    assertThat(d.confirmed()).isEmpty();
  }

  @Test
  void an_instance_whose_own_nic_is_in_the_facts_is_decided_by_that_nic_not_by_the_model() {
    Path folder = Path.of("src/test/resources/snapshots/vmss-zone-redundant");
    Diagnosis d = diagnose(folder, "probe-down", List.of(), List.of());
    Diagnosis.CauseFinding f = finding(d, "probe-port-blocked");
    assertThat(f.subjects()).contains("10.0.1.4", "?");
    // instance 0's NIC is in the snapshot: its verdict names no model; instances 1-3 are decided by the model
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("10.0.1.4").doesNotContain("scale set model"));
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("scale set model"));
  }

  @Test
  void a_deallocated_instance_is_confirmed_unhealthy_from_its_instance_view() {
    Diagnosis d = diagnose(Path.of("src/test/resources/arm-stub/vmss"), "probe-down", List.of(), List.of());
    Diagnosis.CauseFinding f = finding(d, "vm-unhealthy");
    assertThat(f.status()).isEqualTo("confirmed");
    assertThat(f.subjects()).containsExactly("10.0.1.7");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("vmss47409_3", "deallocated"));
  }
}
