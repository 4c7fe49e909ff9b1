package dev.lbtriage.kb.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import org.junit.jupiter.api.Test;

class BundledKnowledgeBaseTest {

  @Test
  void the_bundled_knowledge_base_loads() {
    // given the KB shipped in the jar

    // when
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();

    // then
    assertThat(kb.symptoms()).extracting(Symptom::id).startsWith("probe-down");
  }
}
