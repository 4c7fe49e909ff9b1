package dev.lbtriage.kb.match;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Obvious reports and the symptom that must come first; out-of-scope ones must not be confident. */
class GoldenMatchTest {
  static SymptomMatcher matcher;

  @BeforeAll
  static void setUp() {
    matcher = new SymptomMatcher(KnowledgeBaseLoader.loadBundled());
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the backend VMs show unhealthy in the health probe status | probe-down",
        "health probe failing, NSG blocks 168.63.129.16 | probe-down",
        "nothing listening on the probe port | probe-down",
        "probe is healthy but clients cannot connect on the data port | data-port-down",
        "intermittent timeouts when a backend VM calls its internal load balancer frontend | data-port-down",
        "cannot change the backend port of the LB rule, a VM scale set is in the backend pool | vmss-backend-port-locked",
        "VMSS won't let me modify the load balancing rule's backend port | vmss-backend-port-locked",
        "VM removed from the backend pool still receives a small amount of traffic | residual-traffic",
      })
  void obviousReportsComeFirst(String report, String expected) {
    MatchResult result = matcher.assess(report);
    assertThat(result.best()).hasValueSatisfying(m -> assertThat(m.symptomId()).isEqualTo(expected));
  }

  @ParameterizedTest(name = "not confident: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SNAT port exhaustion on the backend VMs",
        "backend VMs have no outbound internet access",
        "DNS resolution failing inside the VNet",
        "Application Gateway returns 502",
        "our TLS certificate expired",
        "disk full on the web server",
      })
  void outOfScopeIsNotConfident(String report) {
    MatchResult result = matcher.assess(report);
    assertThat(result.confident()).as("%s: %s", report, result.matches()).isFalse();
  }

  @Test
  void genericLoadBalancerTalkIsNotConfident() {
    for (String generic : List.of("we have a problem with the load balancer", "lb broken", "azure load balancer not working")) {
      MatchResult result = matcher.assess(generic);
      assertThat(result.confident()).as("%s %s", matcher.queryTerms(generic), result.matches()).isFalse();
    }
  }

  @Test
  void outOfScopeHitsAreReported() {
    assertThat(matcher.assess("SNAT port exhaustion").outOfScopeHits()).contains("snat");
  }
}
