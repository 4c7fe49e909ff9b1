package dev.lbtriage.kb.match;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typo tolerance and compound splitting, through the matcher's view of a report. */
class SpellerTest {
  static SymptomMatcher matcher;

  @BeforeAll
  static void setUp() {
    matcher = new SymptomMatcher(KnowledgeBaseLoader.loadBundled());
  }

  private static List<String> terms(String text) {
    return matcher.queryTerms(text);
  }

  @Test
  void repairsOneEditTypos() {
    assertThat(terms("unhealty")).isEqualTo(terms("unhealthy"));
    assertThat(terms("helth prob")).isEqualTo(terms("health probe"));
  }

  @Test
  void repairsTranspositions() {
    assertThat(terms("porbe")).isEqualTo(terms("probe"));
  }

  @Test
  void repairsTwoEditsInLongWords() {
    assertThat(terms("availabilty")).isEqualTo(terms("availability"));
  }

  @Test
  void splitsCompounds() {
    assertThat(terms("loadbalancer")).isEqualTo(terms("load balancer"));
    assertThat(terms("healthprobe")).isEqualTo(terms("health probe"));
    assertThat(terms("scaleset")).isEqualTo(terms("scale set"));
    assertThat(terms("LoadBalancer")).isEqualTo(terms("load balancer"));
  }

  @Test
  void leavesShortAndKnownWordsAlone() {
    Speller speller = new Speller(java.util.Map.of("probe", 3, "port", 2));
    assertThat(speller.repair("prb")).isEqualTo("prb");
    assertThat(speller.repair("prob")).isEqualTo("probe");
    assertThat(speller.repair("probe")).isEqualTo("probe");
    assertThat(speller.repair("zzzzzz")).isEqualTo("zzzzzz");
  }

  @Test
  void distanceCountsTranspositionAsOneEdit() {
    assertThat(Speller.distance("porbe", "probe", 2)).isEqualTo(1);
    assertThat(Speller.distance("helth", "health", 2)).isEqualTo(1);
    assertThat(Speller.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
  }
}
