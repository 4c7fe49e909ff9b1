package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.match.RealReports.Part;
import dev.lbtriage.kb.match.RealReports.Report;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real examples the matcher ships ({@code kb/match/examples.tsv}) are exactly the development
 * part of the corpus: no held-out report can reach the matcher, and none is forgotten.
 */
class ExamplesAreDevelopmentOnlyTest {

  @Test
  void bundledExamplesAreTheDevelopmentPart() throws IOException {
    List<Report> corpus = RealReports.bundled().reports();
    Set<String> heldOut = corpus.stream().filter(r -> r.part().heldOut()).map(Report::text).collect(Collectors.toSet());
    Set<String> dev = corpus.stream().filter(r -> r.part().development()).map(Report::text).collect(Collectors.toSet());
    List<Example> real = Examples.real();
    assertThat(real).isNotEmpty();
    for (Example e : real) {
      assertThat(heldOut).as("held-out report shipped as example %s", e.id()).doesNotContain(e.text());
      assertThat(e.source()).as(e.id()).startsWith("https://");
    }
    assertThat(real.stream().map(Example::text).collect(Collectors.toSet())).isEqualTo(dev);
  }
}
