package dev.lbtriage.kb.match.round3;

/**
 * The tunable numbers of {@link SymptomMatcher}'s combination, in one place (chosen on the
 * development part of the real reports only; see BENCHMARKS.md).
 *
 * @param lexicalWeight weight of the KB word score against the nearest-neighbour vote (1 - it)
 * @param neighbours how many nearest labelled examples vote
 * @param codeWeight what a recognised error code adds to the symptom (or to "none") it points to
 * @param confident the combined score at and above which a best match may be confident
 * @param margin how far the best must be ahead of the runner-up and of "none" to be confident
 * @param minScore below this a symptom is not a candidate
 * @param stackedConfident with the {@link SecondStage}: the probability at and above which the best is confident
 * @param stackedMinScore with the {@link SecondStage}: below this probability (given the report is in
 *     scope) a symptom is not a candidate, unless the first stage alone would offer it
 * @param stackedNone with the {@link SecondStage}: at and above this probability of "none of these"
 *     nothing matched
 */
record MatchSettings(double lexicalWeight, int neighbours, double codeWeight, double confident, double margin, double minScore,
    double stackedConfident, double stackedMinScore, double stackedNone) {
  static final MatchSettings DEFAULT = new MatchSettings(0.6, 25, 0.6, 0.90, 0.30, 0.20, 0.95, 0.10, 0.90);

  MatchSettings(double lexicalWeight, int neighbours, double codeWeight, double confident, double margin, double minScore) {
    this(lexicalWeight, neighbours, codeWeight, confident, margin, minScore, DEFAULT.stackedConfident, DEFAULT.stackedMinScore, DEFAULT.stackedNone);
  }

  MatchSettings withStackedConfident(double v) {
    return new MatchSettings(lexicalWeight, neighbours, codeWeight, confident, margin, minScore, v, stackedMinScore, stackedNone);
  }

  MatchSettings withStackedNone(double v) {
    return new MatchSettings(lexicalWeight, neighbours, codeWeight, confident, margin, minScore, stackedConfident, stackedMinScore, v);
  }

  MatchSettings withLexicalWeight(double v) {
    return new MatchSettings(v, neighbours, codeWeight, confident, margin, minScore);
  }

  MatchSettings withNeighbours(int v) {
    return new MatchSettings(lexicalWeight, v, codeWeight, confident, margin, minScore);
  }

  MatchSettings withConfident(double v) {
    return new MatchSettings(lexicalWeight, neighbours, codeWeight, v, margin, minScore);
  }

  MatchSettings withMargin(double v) {
    return new MatchSettings(lexicalWeight, neighbours, codeWeight, confident, v, minScore);
  }

  MatchSettings withMinScore(double v) {
    return new MatchSettings(lexicalWeight, neighbours, codeWeight, confident, margin, v);
  }
}
