package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reliability suite, symptom matcher (issue 19), through its public API only ({@link SymptomMatcher#match} and
 * {@link SymptomMatcher#assess}): seeded reports mixing words of the knowledge base with Lucene query syntax,
 * control, right-to-left and astral characters, lone surrogates, very long words and reports over the length
 * bound. None throws; every score is a number from 0 to 1, and only known symptoms are named. The figures go to
 * {@code target/reliability/symptom-matcher.txt}.
 */
class SymptomMatcherFuzzTest {

  static final long SEED = 3019;
  static final int INPUTS = 10_000;
  static final List<String> NOISE = List.of("AND", "OR", "NOT", "*", "?", "~", "^2", "\"", "(", ")", "[", "]", "{", "}", ":", "\\", "/",
      "+", "-", "&&", "||", "!", "title:probe", "\u0000", "\n", "\u001b[31m", "\u202e", "\uD83D\uDE00", "\uD800", "\uFEFF", "%00", "...",
      "10.0.0.4", "443", "lb-web", "x".repeat(300), "ﬁ", "İ", "ß");

  @Test
  void no_report_throws_and_every_match_is_a_known_symptom_with_a_score_from_0_to_1() throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    SymptomMatcher matcher = new SymptomMatcher(kb);
    List<String> vocabulary = new ArrayList<>();
    kb.symptoms().forEach(s -> vocabulary.addAll(List.of((s.title() + " " + s.id().replace('-', ' ')).split("\\s+"))));
    Random rnd = new Random(SEED);
    int uncaught = 0;
    int matched = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < INPUTS; i++) {
      String report = report(rnd, vocabulary);
      try {
        List<SymptomMatch> matches = i % 2 == 0 ? matcher.match(report) : matcher.assess(report).matches();
        matched += matches.isEmpty() ? 0 : 1;
        for (SymptomMatch m : matches) {
          assertThat(kb.symptom(m.symptomId())).as(m.symptomId()).isPresent();
          assertThat(m.score()).isBetween(0.0, 1.0);
        }
      } catch (RuntimeException e) {
        uncaught++;
        if (failures.size() < 5) {
          failures.add(report.length() + " chars: " + e);
        }
      }
    }
    String figures = "Symptom matcher: " + INPUTS + " generated reports, " + uncaught + " uncaught exceptions, " + matched
        + " with at least one symptom (seed " + SEED + ")";
    System.out.println(figures);
    Path out = Path.of("target", "reliability", "symptom-matcher.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures + System.lineSeparator());
    assertThat(uncaught).as("uncaught exceptions, e.g. %s", failures).isZero();
  }

  static String report(Random rnd, List<String> vocabulary) {
    int kind = rnd.nextInt(50);
    if (kind == 0) {
      return "probe ".repeat(SymptomMatcher.MAX_CHARS / 6 + rnd.nextInt(2_000));
    }
    if (kind == 1) {
      return "";
    }
    if (kind == 2) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 1 + rnd.nextInt(400); i++) {
        b.append((char) rnd.nextInt(0x10000));
      }
      return b.toString();
    }
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(25);
    for (int i = 0; i < n; i++) {
      b.append(rnd.nextInt(3) == 0 ? NOISE.get(rnd.nextInt(NOISE.size())) : vocabulary.get(rnd.nextInt(vocabulary.size())));
      b.append(rnd.nextInt(4) == 0 ? "" : " ");
    }
    return b.toString();
  }
}
