package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.MatchQuality.Outcome;
import dev.lbtriage.kb.match.MatchQuality.Verdict;
import dev.lbtriage.kb.match.RealReports.Part;
import dev.lbtriage.kb.match.RealReports.Report;
import dev.lbtriage.kb.model.KnowledgeBase;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One or more real reports (development part only, by corpus id) for each failure kind of issue 14,
 * with the symptom and the confidence class expected
 * (and of the split v2 development round: "drilled down" or "scale down" read as a probe state, "unable
 * to maintain healthy probe checks" read as "healthy"),
 * matched honestly: the report's own source group is left out of the examples, so a report is not
 * recognised by itself.
 */
class RealReportGoldenTest {
  static List<Report> dev;
  static Function<String, Outcome> matcher;

  @BeforeAll
  static void setUp() throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    dev = RealReports.bundled().development();
    matcher = MatchQuality.leaveGroupOut(kb, dev, MatchSettings.DEFAULT);
  }

  static Report row(String id) {
    return dev.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not a development report"));
  }

  /**
   * The symptom first, and the confidence class: confident only where the matcher's development
   * precision allows it (an error code of the dictionary), ambiguous with the right symptom first
   * otherwise.
   */
  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource({
    "kubernetes wording, gh-034, AMBIGUOUS",
    "kubernetes wording, gh-110, CONFIDENT",
    "kubernetes wording, gh-118, CONFIDENT",
    "pasted error code, gh-002, CONFIDENT",
    "pasted error code, qa-048, CONFIDENT",
    "portal wording, gh-039, AMBIGUOUS",
    "timeouts but about the probe, gh-071, AMBIGUOUS",
    "api server but about the probe, gh-083, AMBIGUOUS",
    "mentions the probe but about the data path, gh-038, AMBIGUOUS",
    "mentions the probe but about the data path, gh2-040, AMBIGUOUS",
    "hairpin 1-in-N, gh-022, AMBIGUOUS",
    "hairpin 1-in-N, gh-046, AMBIGUOUS",
    "hairpin 1-in-N, gh-047, AMBIGUOUS",
    "long story one symptom sentence, gh-085, AMBIGUOUS",
    "down as a verb is not a probe state, gh-130, AMBIGUOUS",
  })
  void realReportComesFirst(String kind, String id, Verdict verdict) {
    Report r = row(id);
    Outcome o = matcher.apply(r.text());
    assertThat(o.best()).as("%s %s: %s (%s)", kind, id, o.ids(), o.explanation()).isEqualTo(r.label());
    assertThat(o.verdict()).as("%s %s: %s %s", kind, id, o.ids(), o.scores()).isEqualTo(verdict);
  }

  /**
   * A long story whose one symptom sentence says the probe checks cannot stay healthy ("unable to
   * maintain healthy backend probe checks"): the first stage put probe-down first; the second stage
   * (issue 14, round 3) puts data-port-down first by a little, because the rest of the story is
   * about routing traffic to a secondary interface. Kept as a known miss: the right symptom stays
   * among the two offered, and the matcher is not confident.
   */
  @Test
  void longStoryWithNegatedHealthStaysACandidate() {
    Report r = row("qa-080");
    Outcome o = matcher.apply(r.text());
    assertThat(o.ids().subList(0, Math.min(2, o.ids().size()))).as("%s %s", o.ids(), o.explanation()).contains(r.label());
    assertThat(o.verdict()).isNotEqualTo(Verdict.CONFIDENT);
  }

  @Test
  void theSecondStageSaysWhatDroveIt() {
    Outcome o = matcher.apply(row("gh-071").text());
    assertThat(o.explanation()).contains("second stage:").contains("words=").contains("near=");
  }
}
