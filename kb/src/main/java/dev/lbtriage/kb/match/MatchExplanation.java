package dev.lbtriage.kb.match;

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
 */
public record MatchExplanation(
    List<WordWeight> words, List<ExampleVote> examples, List<String> errorCodes, List<String> outOfScopeWords) {

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
    return parts.isEmpty() ? "No word of the report is known to the knowledge base." : "Driven by " + String.join("; ", parts) + ".";
  }
}
