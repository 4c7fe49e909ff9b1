package dev.lbtriage.kb.match.round3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

/**
 * The frozen round-3 matcher loads what it shipped with: its second-stage weights (fitted for the
 * round-3 features, so a weights file of another round would not parse) and the 351 development
 * reports of round 3 as examples.
 */
class Round3FrozenTest {

  @Test
  void itLoadsItsOwnWeightsAndExamples() {
    SymptomMatcher m = new SymptomMatcher(KnowledgeBaseLoader.loadBundled());
    assertThat(m.hasSecondStage()).isTrue();
    assertThat(Examples.real()).hasSize(351);
    assertThat(m.assess("CannotRemoveRuleUsedByProbeUsedByVMSS when I delete the rule").confident()).isTrue();
  }
}
