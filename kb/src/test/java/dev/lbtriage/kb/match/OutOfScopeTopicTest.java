package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Out-of-scope reports get no confident symptom and a pointer to what they are about; error codes and the explanation. */
class OutOfScopeTopicTest {
  static SymptomMatcher matcher;

  @BeforeAll
  static void setUp() {
    matcher = new SymptomMatcher(KnowledgeBaseLoader.loadBundled());
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(delimiter = '|', value = {
    "SNAT port exhaustion on the backend VMs | snat",
    "our VMs have no outbound internet access since we moved to a standard load balancer | outbound",
    "long running connections are dropped after 4 minutes idle, is there an idle timeout | idle-timeout",
    "Application Gateway returns 502 bad gateway | appgw",
    "private DNS zone name resolution fails for the internal load balancer name | dns",
  })
  void outOfScopeReportsPointToTheirTopic(String report, String topic) {
    MatchResult r = matcher.assess(report);
    assertThat(r.confident()).as("%s %s", r.matches(), r.explanation().summary()).isFalse();
    assertThat(r.outOfScopeTopic()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(topic));
    assertThat(r.outOfScopePointer().orElseThrow()).startsWith("This looks like ").doesNotContain("{").doesNotContain("<");
  }

  @Test
  void anOutOfScopeErrorCodeIsNotASymptom() {
    MatchResult r = matcher.assess("Code=\"PublicIPCountLimitReached\" Cannot create more than 10 public IP addresses for this subscription");
    assertThat(r.confident()).isFalse();
    assertThat(r.explanation().errorCodes()).containsExactly("PublicIPCountLimitReached -> oos:other");
  }

  @Test
  void theExplanationNamesTheCodeTheWordsAndTheNeighbours() {
    MatchResult r = matcher.assess("terraform apply: Code=\"CannotRemoveRuleUsedByProbeUsedByVMSS\" when changing the backend port");
    assertThat(r.confident()).isTrue();
    assertThat(r.best().orElseThrow().symptomId()).isEqualTo("vmss-backend-port-locked");
    MatchExplanation e = r.explanation();
    assertThat(e.errorCodes()).containsExactly("CannotRemoveRuleUsedByProbeUsedByVMSS -> vmss-backend-port-locked");
    assertThat(e.words()).isNotEmpty().allSatisfy(w -> assertThat(w.share()).isBetween(0.0, 1.0));
    assertThat(e.examples()).isNotEmpty();
    assertThat(e.summary()).contains("CannotRemoveRuleUsedByProbeUsedByVMSS");
  }

  @Test
  void theOldTwoArgumentConstructorStillJudgesByScores() {
    MatchResult r = new MatchResult(java.util.List.of(new SymptomMatch("probe-down", "t", 0.99)), java.util.Set.of());
    assertThat(r.confident()).isTrue();
    assertThat(r.explanation()).isEqualTo(MatchExplanation.EMPTY);
    assertThat(new MatchResult(java.util.List.of(), java.util.Set.of()).nothingMatched()).isTrue();
  }
}
