package dev.lbtriage.kb.match;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Top-1 / top-3 accuracy and out-of-scope rejection over {@code match/labelled-reports.tsv}. */
class MatchAccuracyTest {
  static final double MIN_TOP1 = 0.85;
  static final double MIN_TOP3 = 0.95;
  static final double MIN_REJECTION = 0.80;

  record Row(String expected, String report) {}

  static SymptomMatcher matcher;
  static List<Row> rows;

  @BeforeAll
  static void setUp() throws IOException {
    matcher = new SymptomMatcher(KnowledgeBaseLoader.loadBundled());
    rows = load();
  }

  static List<Row> load() throws IOException {
    List<Row> out = new ArrayList<>();
    try (InputStream in = MatchAccuracyTest.class.getResourceAsStream("/match/labelled-reports.tsv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        out.add(new Row(parts[0], parts[1]));
      }
    }
    return out;
  }

  @Test
  void accuracyOnTheLabelledSet() {
    int inScope = 0, top1 = 0, top3 = 0, confidentRight = 0, outOfScope = 0, rejected = 0, confidentWrong = 0;
    StringBuilder misses = new StringBuilder();
    for (Row row : rows) {
      List<SymptomMatch> matches = matcher.match(row.report());
      MatchResult result = matcher.assess(row.report());
      if (row.expected().equals("none")) {
        outOfScope++;
        if (!result.confident()) {
          rejected++;
        } else {
          misses.append(String.format(Locale.ROOT, "  OOS accepted %s%n", describe(row, matches)));
        }
        continue;
      }
      inScope++;
      List<String> ids = matches.stream().map(SymptomMatch::symptomId).toList();
      if (!ids.isEmpty() && ids.get(0).equals(row.expected())) {
        top1++;
        if (result.confident()) {
          confidentRight++;
        }
      } else {
        misses.append(String.format(Locale.ROOT, "  top1 miss   %s%n", describe(row, matches)));
        if (result.confident()) {
          confidentWrong++;
        }
      }
      if (ids.subList(0, Math.min(3, ids.size())).contains(row.expected())) {
        top3++;
      }
    }
    double t1 = (double) top1 / inScope;
    double t3 = (double) top3 / inScope;
    double rej = (double) rejected / outOfScope;
    System.out.printf(Locale.ROOT,
        "MatchAccuracy: in-scope %d, top-1 %.1f%%, top-3 %.1f%%, confident & right %.1f%%, confident & wrong %d;"
            + " out-of-scope %d, rejected %.1f%%%n%s",
        inScope, 100 * t1, 100 * t3, 100.0 * confidentRight / inScope, confidentWrong, outOfScope, 100 * rej, misses);
    assertThat(t1).as("top-1 accuracy").isGreaterThanOrEqualTo(MIN_TOP1);
    assertThat(t3).as("top-3 accuracy").isGreaterThanOrEqualTo(MIN_TOP3);
    assertThat(rej).as("out-of-scope rejection").isGreaterThanOrEqualTo(MIN_REJECTION);
  }

  private static String describe(Row row, List<SymptomMatch> matches) {
    StringBuilder b = new StringBuilder(row.expected()).append(" <- \"").append(row.report()).append("\" got");
    for (SymptomMatch m : matches) {
      b.append(String.format(Locale.ROOT, " %s=%.2f", m.symptomId(), m.score()));
    }
    return b.toString();
  }
}
