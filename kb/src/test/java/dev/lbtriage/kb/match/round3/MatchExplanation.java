package dev.lbtriage.kb.match.round3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why {@link SymptomMatcher} chose what it chose, for {@code match --debug}, {@code -o json} and the
 * conversation's "why": the report's words that weighed most for the best symptom, the labelled
 * examples (real reports and KB phrasings) closest to the report and how they voted, the Azure error
 * codes recognised, and the out-of-scope words found.
 *
 * @param words analysed terms (concepts such as {@code probe}, stems such as {@code unhealthi}) that
 *     carried most of the best symptom's score, strongest first, with their share of it
 * @param examples the nearest labelled examples, closest first
 * @param errorCodes error codes of the dictionary found in the report, with what they point to
 * @param outOfScopeWords entries of the out-of-scope list found in the report
 * @param signals the second stage's features that moved the chosen answer (a symptom, or "none") most,
 *     with what each added to its log-odds (negative: it spoke against it)
 */
public record MatchExplanation(
    List<WordWeight> words, List<ExampleVote> examples, List<String> errorCodes, List<String> outOfScopeWords,
    List<Signal> signals) {

  /**
   * One feature of the second stage ({@code vote:probe-down}: the neighbours' vote for probe-down,
   * {@code has:timeout&!probestate}: "times out" with no state of the probe said) and its push on
   * {@code label}'s log-odds.
   */
  public record Signal(String feature, String label, double weight) {}

  public MatchExplanation(List<WordWeight> words, List<ExampleVote> examples, List<String> errorCodes, List<String> outOfScopeWords) {
    this(words, examples, errorCodes, outOfScopeWords, List.of());
  }

  /** A term and its share of the best symptom's word score. */
  public record WordWeight(String term, double share) {}

  /** One neighbour: which example, what it is labelled, its share of the vote. */
  public record ExampleVote(String exampleId, String label, String source, double weight, String excerpt) {}

  public static final MatchExplanation EMPTY = new MatchExplanation(List.of(), List.of(), List.of(), List.of());

  public MatchExplanation {
    words = List.copyOf(words);
    examples = List.copyOf(examples);
    errorCodes = List.copyOf(errorCodes);
    outOfScopeWords = List.copyOf(outOfScopeWords);
    signals = List.copyOf(signals);
  }

  /** One or two sentences for a person. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (!errorCodes.isEmpty()) {
      parts.add("error code " + String.join(", ", errorCodes));
    }
    if (!words.isEmpty()) {
      parts.add("the words " + String.join(", ", words.stream().limit(5).map(WordWeight::term).toList()));
    }
    if (!examples.isEmpty()) {
      long agree = examples.stream().filter(e -> e.label().equals(examples.get(0).label())).count();
      parts.add(String.format(Locale.ROOT, "%d of the %d closest known reports (nearest: %s, about %s)", agree,
          examples.size(), examples.get(0).exampleId(), examples.get(0).label()));
    }
    if (!outOfScopeWords.isEmpty()) {
      parts.add("out-of-scope words " + String.join(", ", outOfScopeWords));
    }
    List<String> pushes = signals.stream().limit(3)
        .map(g -> String.format(Locale.ROOT, "%s %s %s", g.feature(), g.weight() >= 0 ? "for" : "against", g.label())).toList();
    if (!pushes.isEmpty()) {
      parts.add("second stage: " + String.join(", ", pushes));
    }
    return parts.isEmpty() ? "No word of the report is known to the knowledge base." : "Driven by " + String.join("; ", parts) + ".";
  }
}
