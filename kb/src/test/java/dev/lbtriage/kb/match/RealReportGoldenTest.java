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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One or more real reports (development part only, by corpus id) for each failure kind of issue 14
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
    dev = RealReports.bundled().part(Part.DEVELOPMENT);
    matcher = MatchQuality.leaveGroupOut(kb, dev, MatchSettings.DEFAULT);
  }

  static Report row(String id) {
    return dev.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not a development report"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "kubernetes wording, gh-034",
    "kubernetes wording, gh-110",
    "kubernetes wording, gh-118",
    "pasted error code, gh-002",
    "pasted error code, qa-048",
    "portal wording, gh-039",
    "timeouts but about the probe, gh-071",
    "api server but about the probe, gh-083",
    "hairpin 1-in-N, gh-022",
    "hairpin 1-in-N, gh-046",
    "hairpin 1-in-N, gh-047",
    "long story one symptom sentence, gh-085",
    "long story one symptom sentence, qa-080",
    "negated health is the probe failing, qa-080",
    "down as a verb is not a probe state, gh-130",
  })
  void realReportComesFirst(String kind, String id) {
    Report r = row(id);
    Outcome o = matcher.apply(r.text());
    assertThat(o.best()).as("%s %s: %s (%s)", kind, id, o.ids(), o.explanation()).isEqualTo(r.label());
  }

  @ParameterizedTest(name = "error code is confident: {0}")
  @CsvSource({"gh-002", "qa-048"})
  void pastedErrorCodeIsConfident(String id) {
    Outcome o = matcher.apply(row(id).text());
    assertThat(o.verdict()).as("%s %s", o.ids(), o.explanation()).isEqualTo(Verdict.CONFIDENT);
  }
}
