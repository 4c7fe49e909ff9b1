package dev.lbtriage.kb.match.round3;

import dev.lbtriage.kb.match.round3.ExampleIndex.Neighbour;
import dev.lbtriage.kb.match.round3.MatchExplanation.ExampleVote;
import dev.lbtriage.kb.match.round3.MatchExplanation.WordWeight;
import dev.lbtriage.kb.match.round3.MatchResult.Verdict;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a free-text report ("all my backends are unhealthy in the health probe") to the
 * knowledge base's symptoms, the entry points of a triage, and says how sure it is.
 *
 * <h2>Reading the report</h2>
 *
 * The report is never given to a query parser, so Lucene syntax in it is just text. It is cut to
 * {@value #MAX_CHARS} characters and {@value #MAX_TOKENS} words; Azure error codes pasted in it are
 * looked up in a dictionary ({@link ErrorCodes}); each unknown word is repaired by {@link Speller}
 * (typos, "loadbalancer"); the repaired text is analysed by {@link DomainAnalyzer} (stemming and the
 * domain synonyms of {@code kb/synonyms.txt}: Kubernetes, portal and metric wording collapse into
 * concepts); the first {@value #MAX_TERMS} distinct terms are kept. The out-of-scope list ({@link
 * OutOfScope}) is searched for words of topics the KB does not cover (SNAT, outbound, idle timeout,
 * Application Gateway, DNS...).
 *
 * <h2>Three kinds of evidence, one score per symptom</h2>
 *
 * <ol>
 *   <li><b>Words against the KB</b> ({@link LexicalIndex}): BM25 of each term for each symptom,
 *       summed to {@code raw(d)}, turned into {@code lex(d) = coverage(d) * strength(d)} where
 *       {@code coverage(d) = raw(d) / (sum_t max_d' s(t, d') + oos)} is the share of the report's
 *       evidence this symptom explains ({@code oos} = {@value #OOS_UNITS} units per out-of-scope
 *       entry found) and {@code strength(d) = 1 - exp(-raw(d) / (}{@value #SATURATION_UNITS}{@code
 *       unit))} is how much evidence there is at all. The out-of-scope share of the denominator is
 *       the word evidence for "none of these".
 *   <li><b>Nearest labelled examples</b> ({@link ExampleIndex}): the report's terms against the
 *       KB's phrasings and real reports from public threads (the development part of the corpus,
 *       including reports about other topics, labelled "none"); the {@code k} nearest vote with
 *       their BM25 scores, giving a share per symptom and for "none".
 *   <li><b>Error codes</b>: a recognised code adds a fixed amount to the symptom (or to "none") it
 *       points to.
 * </ol>
 *
 * {@code score(d) = w lex(d) + (1 - w) vote(d) + c code(d)} (at most 1), and the same for "none".
 * The weights and the thresholds are in {@link MatchSettings}, chosen on the development part of
 * the real reports only.
 *
 * <h2>Verdict</h2>
 *
 * Nothing matched when no symptom reaches {@code minScore} or "none" scores at least as high as the
 * best symptom (then the out-of-scope topic with the most evidence, if any, is the pointer);
 * confident when the report has no out-of-scope word or error code, and the best reaches {@code
 * confident} and is {@code margin} ahead of both the runner-up and "none" (the thresholds at which
 * precision on the development part is at least 97 %); ambiguous otherwise, with the candidates. {@link MatchExplanation} records what drove it.
 *
 * <p>Thread-safe after construction. {@link #match(String)} and {@link #assess(String)} never throw
 * on any input.
 */
public final class SymptomMatcher {

  /** The score at and above which a best match may be confident. */
  static final double CONFIDENT_SCORE = MatchSettings.DEFAULT.confident();

  static final float REPAIRED_WEIGHT = 0.8f;
  static final double SATURATION_UNITS = 2.0;
  static final double OOS_UNITS = 2.0;
  private static final int EXPLAIN_WORDS = 6;
  private static final int EXPLAIN_SIGNALS = 6;
  private static final int NEAR = 5;

  /** Characters of a report looked at; the rest is ignored. */
  public static final int MAX_CHARS = 32_768;

  /** Words of a report looked at. */
  public static final int MAX_TOKENS = 4_096;

  /** Distinct known terms of a report scored. */
  public static final int MAX_TERMS = 128;

  private final List<Symptom> symptoms;
  private final LexicalIndex lexical;
  private final ExampleIndex examples;
  private final ErrorCodes codes;
  private final Speller speller;
  private final OutOfScope outOfScope;
  private final MatchSettings settings;
  private final SecondStage stage2;
  private final DomainAnalyzer queryAnalyzer = DomainAnalyzer.forQuery();
  private final DomainAnalyzer plainAnalyzer = DomainAnalyzer.plain();

  /** Builds the in-memory indexes of {@code kb} and of the bundled labelled examples. */
  public SymptomMatcher(KnowledgeBase kb) {
    this(kb, Examples.bundled(kb), MatchSettings.DEFAULT);
  }

  /** With other examples or settings (for measuring: leave a source out, try a weight). */
  SymptomMatcher(KnowledgeBase kb, List<Example> labelled, MatchSettings settings) {
    this.symptoms = kb.symptoms();
    this.lexical = new LexicalIndex(symptoms);
    this.examples = new ExampleIndex(labelled);
    this.codes = ErrorCodes.bundled();
    this.outOfScope = OutOfScope.bundled(plainAnalyzer);
    this.speller = new Speller(knownWords(symptoms, outOfScope));
    this.settings = settings;
    this.stage2 = SecondStage.bundled(symptoms.stream().map(Symptom::id).toList());
  }

  private SymptomMatcher(SymptomMatcher base, ExampleIndex examples, MatchSettings settings, SecondStage stage2) {
    this.symptoms = base.symptoms;
    this.lexical = base.lexical;
    this.examples = examples;
    this.codes = base.codes;
    this.outOfScope = base.outOfScope;
    this.speller = base.speller;
    this.settings = settings;
    this.stage2 = stage2;
  }

  /** The same KB, other examples and settings (cheap: the KB index is shared). */
  SymptomMatcher with(List<Example> labelled, MatchSettings settings) {
    return new SymptomMatcher(this, new ExampleIndex(labelled), settings, stage2);
  }

  /** The same KB and examples, other settings. */
  SymptomMatcher with(MatchSettings settings) {
    return new SymptomMatcher(this, examples, settings, stage2);
  }

  /** The same KB, examples and settings, with another second stage ({@code null}: the first stage alone). */
  SymptomMatcher withSecondStage(SecondStage stage2) {
    return new SymptomMatcher(this, examples, settings, stage2);
  }

  /** Whether a second stage is used (the bundled weights were found and fit the KB). */
  boolean hasSecondStage() {
    return stage2 != null;
  }

  /** The symptom ids in KB order (the first stage's feature order). */
  List<String> symptomIds() {
    return symptoms.stream().map(Symptom::id).toList();
  }

  /** The score at and above which a best match may be confident, for this matcher's stages. */
  double confidentScore() {
    return stage2 != null ? settings.stackedConfident() : settings.confident();
  }

  /**
   * Every symptom with some evidence, best first, with its combined score (possibly below {@link
   * MatchResult#MIN_SCORE}). Empty when nothing in the text is known.
   */
  public List<SymptomMatch> match(String text) {
    return score(text).matches;
  }

  /** The verdict for a report, with candidates, out-of-scope topic and explanation. */
  public MatchResult assess(String text) {
    Scored s = score(text);
    double min = stage2 != null ? settings.stackedMinScore() * (1 - s.none) : settings.minScore();
    List<SymptomMatch> kept = s.matches.stream().filter(m -> m.score() >= min || s.firstStageCandidates.contains(m.symptomId())).toList();
    Verdict verdict;
    if (kept.isEmpty() || (stage2 != null ? s.none >= settings.stackedNone() : s.none >= kept.get(0).score())) {
      verdict = Verdict.NOTHING_MATCHED;
    } else {
      double best = kept.get(0).score();
      double rival = Math.max(s.none, kept.size() > 1 ? kept.get(1).score() : 0);
      boolean sure = stage2 != null
          ? best >= settings.stackedConfident() || kept.get(0).symptomId().equals(s.firstStageConfident)
          : s.firstStageConfident != null;
      verdict = sure ? Verdict.CONFIDENT : Verdict.AMBIGUOUS;
    }
    OutOfScopeTopic topic = verdict == Verdict.CONFIDENT ? null : s.topic;
    return new MatchResult(kept, s.oosHits, verdict, topic, s.explanation);
  }

  /** Every symptom's combined score, best first, and the score of "none of these" (for measuring). */
  record Scored(List<SymptomMatch> matches, double none, Set<String> oosHits, OutOfScopeTopic topic,
      MatchExplanation explanation, boolean outOfScopeEvidence, double[][] features, String firstStageConfident,
      Set<String> firstStageCandidates) {
    static final Scored EMPTY = new Scored(List.of(), 0, Set.of(), null, MatchExplanation.EMPTY, false, null, null, Set.of());
  }

  Scored score(String text) {
    if (text == null || text.isBlank() || symptoms.isEmpty()) {
      return Scored.EMPTY;
    }
    String clipped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<String> words = SurfaceTokens.of(clipped, MAX_TOKENS);
    if (words.isEmpty()) {
      return Scored.EMPTY;
    }
    List<ErrorCodes.Code> found = codes.find(words);
    Map<String, String> repairs = new HashMap<>();
    StringBuilder asWritten = new StringBuilder();
    StringBuilder repaired = new StringBuilder();
    for (String w : words) {
      asWritten.append(w).append(' ');
      repaired.append(repairs.computeIfAbsent(w, speller::repair)).append(' ');
    }
    String repairedText = repaired.toString();
    List<String> analysed = queryAnalyzer.terms(repairedText);
    boolean unchanged = repairedText.contentEquals(asWritten);
    Set<String> original = new HashSet<>(unchanged ? analysed : queryAnalyzer.terms(asWritten.toString()));
    Set<String> all = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    for (String t : analysed) {
      if (all.size() >= MAX_TERMS) {
        break;
      }
      all.add(t);
      if (lexical.knows(t)) {
        known.add(t);
      }
    }
    Set<String> oosHits = outOfScope.find(plainAnalyzer.terms(repairedText));
    int n = symptoms.size();

    // 1. words against the KB
    double[] raw = new double[n];
    double bestSum = 0;
    for (String t : known) {
      float[] s = lexical.scores(t);
      double weight = original.contains(t) ? 1 : REPAIRED_WEIGHT;
      double max = 0;
      for (int i = 0; i < n; i++) {
        raw[i] += weight * s[i];
        max = Math.max(max, weight * s[i]);
      }
      bestSum += max;
    }
    double unit = lexical.unit();
    double oosMass = OOS_UNITS * unit * oosHits.size();
    double denominator = bestSum + oosMass;
    double[] lex = new double[n];
    for (int i = 0; i < n; i++) {
      if (raw[i] > 0) {
        double coverage = raw[i] / denominator;
        double strength = 1 - Math.exp(-raw[i] / (SATURATION_UNITS * unit));
        lex[i] = coverage * strength;
      }
    }
    double lexNone = denominator > 0 ? oosMass / denominator : 0;

    // 2. nearest labelled examples
    List<Neighbour> near = examples.nearest(all, settings.neighbours());
    double[] vote = new double[n];
    double voteNone = 0;
    double voteSum = near.stream().mapToDouble(Neighbour::score).sum();
    Map<OutOfScopeTopic, Double> topics = new EnumMap<>(OutOfScopeTopic.class);
    List<ExampleVote> votes = new ArrayList<>();
    double[] near5 = new double[n + 1];
    double near5Sum = near.stream().limit(NEAR).mapToDouble(Neighbour::score).sum();
    for (Neighbour nb : near.subList(0, Math.min(NEAR, near.size()))) {
      int i = nb.example().outOfScope() ? n : indexOf(nb.example().label());
      if (i >= 0) {
        near5[i] += nb.score() / near5Sum;
      }
    }
    for (Neighbour nb : near) {
      double share = nb.score() / voteSum;
      Example e = nb.example();
      if (e.outOfScope()) {
        voteNone += share;
        OutOfScopeTopic.byId(e.topic()).ifPresent(t -> topics.merge(t, share, Double::sum));
      } else {
        int i = indexOf(e.label());
        if (i >= 0) {
          vote[i] += share;
        }
      }
      votes.add(new ExampleVote(e.id(), e.outOfScope() ? "none/" + e.topic() : e.label(), e.source(), share, nb.excerpt()));
    }

    // 3. error codes
    double[] code = new double[n];
    double codeNone = 0;
    List<String> codeNotes = new ArrayList<>();
    for (ErrorCodes.Code c : found) {
      codeNotes.add(c.code() + " -> " + c.label());
      if (c.outOfScope()) {
        codeNone = 1;
        OutOfScopeTopic.byId(c.label()).ifPresent(t -> topics.merge(t, 1.0, Double::sum));
      } else {
        int i = indexOf(c.label());
        if (i >= 0) {
          code[i] = 1;
        }
      }
    }
    for (String hit : oosHits) {
      topics.merge(outOfScope.topicOf(hit), 0.5, Double::sum);
    }

    double w = settings.lexicalWeight();
    double none = Math.min(1, w * lexNone + (1 - w) * voteNone + settings.codeWeight() * codeNone);
    double[] first = new double[n];
    for (int i = 0; i < n; i++) {
      first[i] = Math.min(1, w * lex[i] + (1 - w) * vote[i] + settings.codeWeight() * code[i]);
    }
    String firstSure = firstStageConfident(first, none, !oosHits.isEmpty() || codeNone > 0);
    double[][] x = SecondStage.vector(lex, vote, code, lexNone, voteNone, codeNone, near5, oosHits.size(), all);
    double[] p = null;
    if (stage2 != null && firstSure == null) { // an error code with the words agreeing decides without it
      p = stage2.probabilities(x);
      none = p[n];
    }
    List<SymptomMatch> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (first[i] > 0) {
        Symptom s = symptoms.get(i);
        out.add(new SymptomMatch(s.id(), s.title(), p != null ? p[i] : first[i]));
      }
    }
    out.sort(Comparator.comparingDouble(SymptomMatch::score).reversed());
    int best = out.isEmpty() ? -1 : indexOf(out.get(0).symptomId());
    OutOfScopeTopic topic = topics.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    List<MatchExplanation.Signal> signals = p == null ? List.of() : signals(x, best < 0 || none >= p[best] ? n : best);
    MatchExplanation explanation = new MatchExplanation(words(known, original, best), votes, codeNotes, List.copyOf(oosHits), signals);
    return new Scored(List.copyOf(out), none, oosHits, topic, explanation, !oosHits.isEmpty() || codeNone > 0, x, firstSure,
        stage2 == null ? Set.of() : firstStageCandidates(first));
  }

  /** The symptoms the first stage alone would offer (at least {@code minScore}): they stay candidates. */
  private Set<String> firstStageCandidates(double[] first) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < first.length; i++) {
      if (first[i] >= settings.minScore()) {
        out.add(symptoms.get(i).id());
      }
    }
    return out;
  }

  /**
   * The first stage's confident symptom, or {@code null}: no out-of-scope word or code, the best
   * combined score at least {@code confident} and {@code margin} ahead of the runner-up and "none"
   * (in practice: an error code of the dictionary with the words agreeing).
   */
  private String firstStageConfident(double[] first, double none, boolean oosEvidence) {
    int best = -1;
    double rival = none;
    for (int i = 0; i < first.length; i++) {
      if (best < 0 || first[i] > first[best]) {
        if (best >= 0) {
          rival = Math.max(rival, first[best]);
        }
        best = i;
      } else {
        rival = Math.max(rival, first[i]);
      }
    }
    boolean sure = best >= 0 && !oosEvidence && first[best] >= settings.minScore() && first[best] > none
        && first[best] >= settings.confident() && first[best] - rival >= settings.margin();
    return sure ? symptoms.get(best).id() : null;
  }

  /** The second-stage features that pushed class {@code c} (a symptom index, or n for "none") most, either way. */
  private List<MatchExplanation.Signal> signals(double[][] x, int c) {
    List<MatchExplanation.Signal> out = new ArrayList<>();
    String label = c < symptoms.size() ? symptoms.get(c).id() : Example.NONE;
    for (int f = 0; f < x[c].length; f++) {
      double v = stage2.contribution(c, f, x);
      if (Math.abs(v) >= 0.05) {
        out.add(new MatchExplanation.Signal(stage2.featureName(f), label, v));
      }
    }
    return out.stream().sorted(Comparator.comparingDouble((MatchExplanation.Signal g) -> Math.abs(g.weight())).reversed())
        .limit(EXPLAIN_SIGNALS).toList();
  }

  /** The terms that carried most of symptom {@code best}'s word score, with their shares. */
  private List<WordWeight> words(Set<String> known, Set<String> original, int best) {
    if (best < 0) {
      return List.of();
    }
    List<WordWeight> out = new ArrayList<>();
    double total = 0;
    for (String t : known) {
      double c = (original.contains(t) ? 1 : REPAIRED_WEIGHT) * lexical.scores(t)[best];
      total += c;
      if (c > 0) {
        out.add(new WordWeight(t, c));
      }
    }
    double sum = total;
    return out.stream().sorted(Comparator.comparingDouble(WordWeight::share).reversed()).limit(EXPLAIN_WORDS)
        .map(x -> new WordWeight(x.term(), x.share() / sum)).toList();
  }

  private int indexOf(String symptomId) {
    for (int i = 0; i < symptoms.size(); i++) {
      if (symptoms.get(i).id().equals(symptomId)) {
        return i;
      }
    }
    return -1;
  }

  /** The analysed form of a report's terms known to the KB, as the matcher scores them (for tests and debugging). */
  List<String> queryTerms(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder repaired = new StringBuilder();
    for (String w : SurfaceTokens.of(text, MAX_TOKENS)) {
      repaired.append(speller.repair(w)).append(' ');
    }
    for (String t : queryAnalyzer.terms(repaired.toString())) {
      if (lexical.knows(t) && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Surface words of the KB, the synonym file and the out-of-scope list, with their counts. */
  private static Map<String, Integer> knownWords(List<Symptom> symptoms, OutOfScope outOfScope) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> texts = new ArrayList<>();
    for (Symptom s : symptoms) {
      texts.add(s.title());
      texts.add(nullToEmpty(s.summary()));
      texts.addAll(s.phrasings());
      texts.addAll(s.keywords());
      for (Cause c : s.causes()) {
        texts.add(nullToEmpty(c.title()));
        texts.add(nullToEmpty(c.explanation()));
      }
    }
    texts.addAll(outOfScope.entries());
    texts.addAll(synonymFileLines());
    for (String t : texts) {
      for (String w : SurfaceTokens.of(t, Integer.MAX_VALUE)) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static List<String> synonymFileLines() {
    List<String> lines = new ArrayList<>();
    try (InputStream in = SymptomMatcher.class.getResourceAsStream(DomainAnalyzer.SYNONYMS_RESOURCE)) {
      if (in == null) {
        return lines;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("#")) {
          lines.addAll(Arrays.asList(line.split("=>|,")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
