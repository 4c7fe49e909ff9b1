package dev.lbtriage.kb.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.model.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The KB covers the seed page, section by section. */
class SeedCoverageTest {

  /** A #, ## or ### heading; trailing blanks, including the no-break spaces the page has, are not part of it. */
  private static final Pattern HEADING =
      Pattern.compile("^#{1,3}[ \\t]+(.+?)[\\s\\u00A0]*$", Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS);

  private final KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();

  @Test
  void every_heading_of_the_seed_is_covered_by_some_seed_section_of_the_kb() throws IOException {
    // given
    List<String> headings = seedHeadings();

    // when
    Set<String> covered = seedSectionsOfKb();

    // then
    assertThat(headings).hasSize(17);
    assertThat(covered).containsAll(headings);
  }

  @Test
  void every_seed_section_named_in_the_kb_is_a_heading_of_the_seed() throws IOException {
    // given
    List<String> headings = seedHeadings();

    // when
    Set<String> covered = seedSectionsOfKb();

    // then
    assertThat(headings).containsAll(covered);
  }

  private Set<String> seedSectionsOfKb() {
    Set<String> sections = new HashSet<>();
    kb.symptoms().forEach(s -> {
      sections.addAll(s.seedSections());
      s.causes().forEach(c -> sections.addAll(c.seedSections()));
      s.questions().forEach(q -> sections.addAll(q.seedSections()));
      s.supportCase().forEach(c -> sections.addAll(c.seedSections()));
    });
    return sections;
  }

  private static List<String> seedHeadings() throws IOException {
    try (InputStream in = Objects.requireNonNull(
        SeedCoverageTest.class.getResourceAsStream("/seed/troubleshoot-azure-load-balancer.md"))) {
      Matcher m = HEADING.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return m.results().map(r -> r.group(1)).toList();
    }
  }
}
