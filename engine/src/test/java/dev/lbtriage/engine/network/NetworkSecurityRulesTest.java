package dev.lbtriage.engine.network;

import static dev.lbtriage.engine.network.Facts.example;
import static dev.lbtriage.engine.network.Facts.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.diagnosis.Ask;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The network security semantics of issue 13, each confirmed, ruled out and asked for, by the real
 * rules over the example snapshot folders (built from real ARM payloads; see their NOTES.md).
 */
class NetworkSecurityRulesTest {

  static List<Finding> findings(RuleOutcome out, String cause, Status status) {
    return out.findings().stream().filter(f -> f.cause().equals(cause) && f.status() == status).toList();
  }

  static List<String> askedAbout(RuleOutcome out, String question) {
    return out.asks().stream().filter(a -> a.question().equals(question)).map(Ask::subject).toList();
  }

  @Nested
  class StandardIsClosedByDefault {
    final AzureFacts noNsg = example("standard-public-no-nsg", "lb");

    @Test
    void every_client_is_denied_without_asking_for_the_client_and_the_evidence_says_why() {
      RuleOutcome out = run(noNsg, "data-port-down", Map.of());

      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).singleElement().satisfies(f -> {
        assertThat(f.subject()).isEqualTo("172.20.2.4");
        assertThat(f.evidence()).singleElement().asString().contains("every client is denied, whatever its address",
            "load balancer lb (Standard, public frontend fe-lb) is Standard SKU, closed to inbound connections unless an NSG",
            "no NSG on subnet 'default' nor on NIC 'test-nic'", "rule rulelb");
      });
      assertThat(askedAbout(out, "client-ip")).as("the only backend is explained").isEmpty();
    }

    @Test
    void the_health_probe_is_not_closed_it_is_platform_traffic() {
      RuleOutcome out = run(noNsg, "probe-down", Map.of());

      assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).isEmpty();
      assertThat(askedAbout(out, "guest-firewall-allows-probe")).containsExactly("172.20.2.4");
    }

    @Test
    void basic_with_no_nsg_is_open_so_the_named_client_is_ruled_out() {
      RuleOutcome out = run(Facts.withSku(noNsg, LbSku.BASIC), "data-port-down", Map.of("client-ip", "203.0.113.50"));

      assertThat(findings(out, "data-port-blocked", Status.RULED_OUT)).singleElement()
          .satisfies(f -> assertThat(f.evidence().get(0)).contains("allowed at the subnet NSG: no NSG on subnet 'default'"));
      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).isEmpty();
    }

    @Test
    void basic_with_no_nsg_and_no_client_address_asks_for_it() {
      RuleOutcome out = run(Facts.withSku(noNsg, LbSku.BASIC), "data-port-down", Map.of());

      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).isEmpty();
      assertThat(askedAbout(out, "client-ip")).contains("172.20.2.4");
    }

    @Test
    void an_internal_standard_load_balancer_admits_its_virtual_network_without_an_nsg() {
      // ilb-hairpin: Basic internal, no NSG anywhere; made Standard, as the SKU page says, VNet traffic still passes
      AzureFacts internal = Facts.withSku(example("ilb-hairpin", "lb-api"), LbSku.STANDARD);

      RuleOutcome fromVnet = run(internal, "data-port-down", Map.of("client-ip", "10.0.0.9"));
      RuleOutcome fromElsewhere = run(internal, "data-port-down", Map.of("client-ip", "192.168.7.7"));

      assertThat(findings(fromVnet, "data-port-blocked", Status.RULED_OUT)).hasSize(2)
          .allSatisfy(f -> assertThat(f.evidence().get(0)).contains("traffic from the virtual network to load balancer lb-api"));
      assertThat(findings(fromElsewhere, "data-port-blocked", Status.CONFIRMED)).isEmpty();
      assertThat(findings(fromElsewhere, "data-port-blocked", Status.SUSPECTED)).isNotEmpty()
          .allSatisfy(f -> assertThat(f.evidence().get(0)).contains("is not documented"));
    }
  }

  @Nested
  class NsgsAreStateful {
    /** Outbound Deny of everything, priority 100: it never judges the replies to admitted inbound flows. */
    final SecurityRule denyAllOut = new SecurityRule("DenyAllOut", null, 100, Direction.OUTBOUND, Access.DENY,
        TransportProtocol.ALL, List.of("*"), List.of("*"), List.of("*"), List.of("*"), List.of(), List.of(), List.of(), List.of(),
        false);

    @Test
    void an_outbound_deny_does_not_block_the_probe_replies() {
      AzureFacts facts = Facts.withRule(example("healthy", "lb-shop"), denyAllOut);

      RuleOutcome out = run(facts, "probe-down", Map.of("guest-firewall-allows-probe", "yes"));

      assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).isEmpty();
      assertThat(findings(out, "probe-port-blocked", Status.RULED_OUT)).extracting(Finding::subject)
          .containsExactlyInAnyOrder("172.18.0.5", "172.18.0.6");
    }

    @Test
    void an_outbound_deny_does_not_block_the_replies_to_an_admitted_client() {
      AzureFacts facts = Facts.withRule(example("some-sources-allowed", "lb"), denyAllOut);

      RuleOutcome out = run(facts, "data-port-down", Map.of("client-ip", "198.51.100.7"));

      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).isEmpty();
      assertThat(findings(out, "data-port-blocked", Status.RULED_OUT)).singleElement()
          .satisfies(f -> assertThat(f.evidence().get(0)).contains("AllowPartnerWeb").doesNotContain("DenyAllOut"));
    }

    @Test
    void an_inbound_deny_still_blocks_so_the_direction_is_what_matters() {
      SecurityRule denyIn = new SecurityRule("DenyAllIn", null, 100, Direction.INBOUND, Access.DENY, TransportProtocol.ALL,
          List.of("*"), List.of("*"), List.of("*"), List.of("*"), List.of(), List.of(), List.of(), List.of(), false);

      RuleOutcome out = run(Facts.withRule(example("healthy", "lb-shop"), denyIn), "probe-down", Map.of());

      assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).extracting(Finding::subject)
          .containsExactlyInAnyOrder("172.18.0.5", "172.18.0.6");
    }
  }

  @Nested
  class ApplicationSecurityGroups {
    final AzureFacts asg = example("nsg-asg-rule-blocks-probe", "lb-web");

    @Test
    void the_asg_rule_denies_the_probe_to_its_member_only_and_no_question_goes_to_a_backend_nothing_shows_failing() {
      RuleOutcome out = run(asg, "probe-down", Map.of());

      assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).singleElement().satisfies(f -> {
        assertThat(f.subject()).isEqualTo("10.0.0.4");
        assertThat(f.evidence().get(0)).contains("backend 10.0.0.4 (vm-web-1) in pool backend1", "rule rule1",
            "probe tcpProbe1", "denied by nsg-web/DenyMgmtToWebTier@150");
      });
      // nothing shows 10.0.0.5 failing (no Health Probe Status below 100 %): no question goes to it, nor to the explained 10.0.0.4
      for (String q : dev.lbtriage.kb.load.KnowledgeBaseLoader.loadBundled().symptom("probe-down").orElseThrow().questions().stream()
          .map(dev.lbtriage.kb.model.Question::id).toList()) {
        assertThat(askedAbout(out, q)).as(q).isEmpty();
      }
    }

    @Test
    void the_backend_outside_the_asg_has_the_probe_admitted_and_can_be_ruled_out() {
      RuleOutcome out = run(asg, "probe-down", Map.of("guest-firewall-allows-probe", "yes"));

      assertThat(findings(out, "probe-port-blocked", Status.RULED_OUT)).singleElement()
          .satisfies(f -> assertThat(f.subject()).isEqualTo("10.0.0.5"));
      assertThat(findings(out, "probe-port-blocked", Status.CONFIRMED)).extracting(Finding::subject).containsExactly("10.0.0.4");
    }

    @Test
    void a_source_asg_rule_is_decided_for_known_nics_and_outside_addresses_and_undecided_for_unknown_vnet_addresses() {
      // rule2 of the recorded NSG: Allow 22-25 *from* asg-web; 10.0.0.9 is in the VNet but no NIC in the facts has it
      dev.lbtriage.rules.network.FlowVerdict v = dev.lbtriage.rules.network.FlowEvaluator.forNic(asg, "10.0.0.5",
          dev.lbtriage.rules.network.Flow.inbound("10.0.0.9", "10.0.0.5", 22, TransportProtocol.TCP));
      dev.lbtriage.rules.network.FlowVerdict member = dev.lbtriage.rules.network.FlowEvaluator.forNic(asg, "10.0.0.5",
          dev.lbtriage.rules.network.Flow.inbound("10.0.0.4", "10.0.0.5", 22, TransportProtocol.TCP));
      dev.lbtriage.rules.network.FlowVerdict outside = dev.lbtriage.rules.network.FlowEvaluator.forNic(asg, "10.0.0.5",
          dev.lbtriage.rules.network.Flow.inbound("203.0.113.9", "10.0.0.5", 22, TransportProtocol.TCP));

      // undecided, but every rule that might match allows too: the verdict stands, naming the undecided rule
      assertThat(v.allowed()).as(v.describe()).isTrue();
      assertThat(v.describe()).contains("whether nsg-web/rule2@200 match could not be told");
      assertThat(member.allowed()).as(member.describe()).isTrue();
      assertThat(member.describe()).contains("allowed by nsg-web/rule2@200");
      assertThat(outside.denied()).as(outside.describe()).isTrue();
    }
  }

  @Nested
  class OnlyTheClientsOwnAddressDecides {
    final AzureFacts partner = example("some-sources-allowed", "lb");

    @Test
    void without_the_client_address_it_is_asked_and_nothing_is_confirmed() {
      RuleOutcome out = run(partner, "data-port-down", Map.of());

      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).isEmpty();
      assertThat(askedAbout(out, "client-ip")).containsExactly("172.20.2.4");
      assertThat(findings(out, "data-port-blocked", Status.SUSPECTED)).singleElement()
          .satisfies(f -> assertThat(f.evidence().get(0)).contains("the client's own address decides"));
    }

    @Test
    void i_do_not_know_confirms_nothing_either() {
      RuleOutcome out = run(partner, "data-port-down", Map.of("client-ip", "unknown"));

      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).isEmpty();
    }

    @Test
    void a_client_outside_the_admitted_range_is_confirmed_blocked_by_the_rule_that_denies_it() {
      RuleOutcome out = run(partner, "data-port-down", Map.of("client-ip", "203.0.113.50"));

      assertThat(findings(out, "data-port-blocked", Status.CONFIRMED)).singleElement()
          .satisfies(f -> assertThat(f.evidence().get(0)).contains("203.0.113.50", "denied by nsg/DenyAllInBound@65500"));
    }

    @Test
    void a_client_inside_the_admitted_range_is_ruled_out() {
      RuleOutcome out = run(partner, "data-port-down", Map.of("client-ip", "198.51.100.7"));

      assertThat(findings(out, "data-port-blocked", Status.RULED_OUT)).singleElement()
          .satisfies(f -> assertThat(f.evidence().get(0)).contains("allowed by nsg/AllowPartnerWeb@300"));
    }
  }
}
