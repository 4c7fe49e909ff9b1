package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.MatchQuality.Figures;
import dev.lbtriage.kb.match.RealReports.Part;
import dev.lbtriage.kb.match.RealReports.Report;
import dev.lbtriage.kb.model.KnowledgeBase;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped matcher on held-out v2 (reports labelled before any matcher saw them, see {@code
 * match/README.md}): figures only, never the reports, and floors set from the values measured once
 * (BENCHMARKS.md) so that a regression fails the build. Held-out v2 is small in scope (6 reports over
 * both files): the floors leave room for one report.
 */
class HeldOutQualityTest {
  // measured once, 2026-12-03 14:37 UTC (commit e335db6): held-out v2 top-1 2/2, confident and wrong
  // 0/2, out-of-scope confident 0/31; v2 known repositories top-1 4/4, 0/4, 0/8
  static final double MIN_TOP1 = 0.66;
  static final double MAX_CONFIDENT_WRONG = 0.0;
  static final double MAX_OUT_OF_SCOPE_CONFIDENT = 0.05;

  @Test
  void heldOutV2FiguresStayAboveTheFloors() throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    List<Report> heldOut = RealReports.bundled().reports().stream().filter(r -> r.part().heldOutV2()).toList();
    Figures current = MatchQuality.evaluate("current", Part.HELD_OUT, heldOut, MatchQuality.current(kb));
    System.out.print(current.describe());
    assertThat(current.inScope()).isGreaterThanOrEqualTo(6);
    assertThat(current.outOfScope()).isGreaterThanOrEqualTo(39);
    assertThat(current.top1Rate()).as("held-out v2 top-1").isGreaterThanOrEqualTo(MIN_TOP1);
    assertThat(current.confidentWrongRate()).as("held-out v2 confident and wrong").isLessThanOrEqualTo(MAX_CONFIDENT_WRONG);
    assertThat(current.oosConfidentRate()).as("held-out v2 out-of-scope confident").isLessThanOrEqualTo(MAX_OUT_OF_SCOPE_CONFIDENT);
  }
}
