package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One behaviour of the analysis chain per method, in the manner of Lucene's TestEnglishAnalyzer. */
class DomainAnalyzerTest {
  static final DomainAnalyzer QUERY = DomainAnalyzer.forQuery();
  static final DomainAnalyzer INDEX = DomainAnalyzer.forIndex();
  static final DomainAnalyzer PLAIN = DomainAnalyzer.plain();

  @AfterAll
  static void close() {
    QUERY.close();
    INDEX.close();
    PLAIN.close();
  }

  @Test
  void healthCheckAndHeartbeatAreTheProbeConcept() {
    assertThat(QUERY.terms("health check")).containsExactly("probe");
    assertThat(QUERY.terms("heartbeat")).containsExactly("probe");
    assertThat(QUERY.terms("health probes")).containsExactly("probe");
    assertThat(QUERY.terms("DipAvailability")).containsExactly("probe");
  }

  @Test
  void securityRuleSpellingsAreTheNsgConcept() {
    assertThat(QUERY.terms("network security group")).containsExactly("nsg");
    assertThat(QUERY.terms("firewall rule")).containsExactly("nsg");
    assertThat(QUERY.terms("NSGs")).containsExactly("nsg");
  }

  @Test
  void scaleSetSpellingsAreVmssAndNotVm() {
    assertThat(QUERY.terms("virtual machine scale set")).containsExactly("vmss");
    assertThat(QUERY.terms("VM scale sets")).containsExactly("vmss");
    assertThat(QUERY.terms("VMSS")).containsExactly("vmss");
  }

  @Test
  void internalLoadBalancerIsIlbAndLoadBalancerIsLb() {
    assertThat(QUERY.terms("internal load balancer")).containsExactly("ilb");
    assertThat(QUERY.terms("ILB")).containsExactly("ilb");
    assertThat(QUERY.terms("Standard Load Balancer")).containsExactly("lb");
    assertThat(QUERY.terms("SLB")).containsExactly("lb");
  }

  @Test
  void backendSpellingsAreOneConcept() {
    assertThat(QUERY.terms("node")).isEqualTo(QUERY.terms("VM"));
    assertThat(QUERY.terms("instances")).isEqualTo(QUERY.terms("pool member"));
  }

  @Test
  void routingThroughAnApplianceIsUdr() {
    assertThat(QUERY.terms("route table")).containsExactly("udr");
    assertThat(QUERY.terms("NVA")).containsExactly("udr");
    assertThat(QUERY.terms("user defined routes")).containsExactly("udr");
  }

  @Test
  void zeroPercentMeansUnhealthy() {
    assertThat(QUERY.terms("0%")).isEqualTo(QUERY.terms("unhealthy"));
    assertThat(QUERY.terms("0 %")).isEqualTo(QUERY.terms("degraded"));
    assertThat(QUERY.terms("100%")).isEqualTo(QUERY.terms("healthy"));
  }

  @Test
  void timeoutSpellingsAreOneConcept() {
    assertThat(QUERY.terms("timed out")).containsExactly("timeout");
    assertThat(QUERY.terms("hangs")).containsExactly("timeout");
    assertThat(QUERY.terms("connection refused")).containsExactly("timeout");
  }

  @Test
  void probeSourceAddressAndServiceTagAreOneConcept() {
    assertThat(QUERY.terms("168.63.129.16")).containsExactly("platformip");
    assertThat(QUERY.terms("AzureLoadBalancer")).containsExactly("platformip");
  }

  @Test
  void ipAddressesStayOneToken() {
    assertThat(PLAIN.terms("psping 10.0.0.4")).containsExactly("psping", "10.0.0.4");
    assertThat(PLAIN.terms("168.63.129.16")).containsExactly("168.63.129.16");
  }

  @Test
  void portAfterColonIsItsOwnToken() {
    assertThat(PLAIN.terms(":443")).containsExactly("443");
    assertThat(PLAIN.terms("10.0.0.4:3389")).containsExactly("10.0.0.4", "3389");
  }

  @Test
  void bareNumbersAreNotEvidenceButNumericConceptsAre() {
    assertThat(QUERY.terms("port 8080")).containsExactly("port");
    assertThat(QUERY.terms("10.0.0.4:3389")).isEmpty();
    assertThat(QUERY.terms("0%")).isNotEmpty();
  }

  @Test
  void stemsEnglishInflections() {
    assertThat(PLAIN.terms("listening")).isEqualTo(PLAIN.terms("listens"));
    assertThat(PLAIN.terms("removing")).isEqualTo(PLAIN.terms("removed"));
    assertThat(PLAIN.terms("responding")).isEqualTo(PLAIN.terms("responds"));
  }

  @Test
  void removesStopWordsAndPossessives() {
    assertThat(PLAIN.terms("the rule's port is on the VM")).containsExactly("rule", "port", "vm");
  }

  @Test
  void foldsAccentsAndCase() {
    assertThat(PLAIN.terms("PRÔBE")).isEqualTo(PLAIN.terms("probe"));
  }

  @Test
  void indexAndQueryAgreeOnSynonyms() {
    assertThat(INDEX.terms("health check failing")).isEqualTo(QUERY.terms("health check failing"));
  }
}
