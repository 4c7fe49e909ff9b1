package dev.lbtriage.kb.match.previous;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Matches a free-text report ("all my backends are unhealthy in the health probe") to the
 * knowledge base's symptoms, the entry points of a triage.
 *
 * <h2>Index</h2>
 *
 * At construction every symptom becomes one document of an in-memory Lucene index, with fields
 * weighted at query time: title {@value #TITLE_BOOST}, phrasings {@value #PHRASINGS_BOOST},
 * keywords {@value #KEYWORDS_BOOST}, summary {@value #SUMMARY_BOOST}, cause titles {@value
 * #CAUSE_TITLE_BOOST}, cause explanations {@value #CAUSE_TEXT_BOOST}. Text is analysed by {@link
 * DomainAnalyzer} (English stemming, folding, domain synonyms that collapse "health check",
 * "heartbeat", "DipAvailability"... into one concept term). BM25 with {@code b = }{@value #BM25_B}
 * (a low length normalisation: symptom documents are long on purpose).
 *
 * <h2>Query</h2>
 *
 * The report is never given to a query parser, so Lucene syntax in it is just text. It is cut to
 * {@value #MAX_CHARS} characters and {@value #MAX_TOKENS} words; each unknown word is repaired by
 * {@link Speller} (typos, "loadbalancer"); the repaired text is analysed with synonyms; of the
 * distinct terms the index knows, the first {@value #MAX_TERMS} are kept (well under Lucene's
 * 1024-clause limit, and it bounds the work for a 100 kB paste). Words the index does not know are
 * ignored: they carry no evidence either way, so a long story is not penalised for its small talk.
 * A term that only exists thanks to a repair is weighted {@value #REPAIRED_WEIGHT}.
 *
 * <p>Each term is scored as a {@link DisjunctionMaxQuery} over the fields (tie {@value
 * #TIE_BREAKER}) would score it, for every symptom: a term x symptom matrix {@code s(t, d)}. Because
 * the index is small and never changes, the whole matrix is computed once at construction from
 * Lucene's {@link BM25Similarity} and the index statistics (one pass over the postings), and a
 * query is a map look-up per term rather than a search. The raw score {@code raw(d) = sum_t s(t,
 * d)} is exactly the BM25 score of the Boolean OR of those clauses, and ranks the symptoms.
 *
 * <h2>Calibrated score</h2>
 *
 * Raw BM25 depends on how many terms a report has, so it is turned into a confidence in [0, 1] that
 * means the same for every report: {@code score(d) = coverage(d) * strength(d)} where
 *
 * <ul>
 *   <li>{@code coverage(d) = raw(d) / (sum_t max_d' s(t, d') + oos)}: the share of the report's
 *       evidence that this symptom explains, against the best any symptom does term by term. It is
 *       1 when the symptom is the best match for every known term, and drops when the evidence is
 *       spread over several symptoms. {@code oos} is {@value #OOS_UNITS} units per distinct entry of
 *       the out-of-scope list ({@code kb/out-of-scope.txt}: SNAT, DNS resolution, Application
 *       Gateway, certificate...) found in the report, so "SNAT exhaustion on the backend VMs" keeps
 *       little coverage even though "backend" matches.
 *   <li>{@code strength(d) = 1 - exp(-raw(d) / (}{@value #SATURATION_UNITS}{@code unit))}: how much
 *       evidence there is at all. A term found in every symptom has a small IDF and so little
 *       strength: "the load balancer has a problem" is not enough for a confident answer.
 *       {@code unit} is the BM25 score of a word found once in one symptom's phrasings (computed
 *       from the index, so the calibration follows the KB's size).
 * </ul>
 *
 * Both factors grow with {@code raw(d)}, so ordering by score is ordering by BM25. The thresholds
 * that turn a score into a verdict (confident / ambiguous / nothing matched, using the margin to the
 * runner-up) are on {@link MatchResult}.
 *
 * <p>Thread-safe after construction. {@link #match(String)} never throws on any input.
 */
public final class SymptomMatcher {

  static final float TITLE_BOOST = 3.0f;
  static final float PHRASINGS_BOOST = 2.5f;
  static final float KEYWORDS_BOOST = 2.0f;
  static final float SUMMARY_BOOST = 1.2f;
  static final float CAUSE_TITLE_BOOST = 1.0f;
  static final float CAUSE_TEXT_BOOST = 0.5f;
  static final float BM25_B = 0.3f;
  static final float TIE_BREAKER = 0.1f;
  static final float REPAIRED_WEIGHT = 0.8f;
  static final double SATURATION_UNITS = 2.0;
  static final double OOS_UNITS = 2.0;

  /** Characters of a report looked at; the rest is ignored. */
  public static final int MAX_CHARS = 32_768;

  /** Words of a report looked at. */
  public static final int MAX_TOKENS = 4_096;

  /** Distinct known terms of a report scored. */
  public static final int MAX_TERMS = 128;

  private static final String ID = "id";
  private static final Map<String, Float> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("title", TITLE_BOOST);
    FIELDS.put("phrasings", PHRASINGS_BOOST);
    FIELDS.put("keywords", KEYWORDS_BOOST);
    FIELDS.put("summary", SUMMARY_BOOST);
    FIELDS.put("causeTitle", CAUSE_TITLE_BOOST);
    FIELDS.put("causeText", CAUSE_TEXT_BOOST);
  }

  private final List<Symptom> symptoms;
  private final Map<String, float[]> termScores;
  private final Speller speller;
  private final OutOfScope outOfScope;
  private final DomainAnalyzer queryAnalyzer = DomainAnalyzer.forQuery();
  private final DomainAnalyzer plainAnalyzer = DomainAnalyzer.plain();
  private final double unit;

  /** Builds the in-memory index of {@code kb}. */
  public SymptomMatcher(KnowledgeBase kb) {
    this.symptoms = kb.symptoms();
    BM25Similarity similarity = new BM25Similarity(1.2f, BM25_B);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (DomainAnalyzer indexAnalyzer = DomainAnalyzer.forIndex()) {
      IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer).setSimilarity(similarity);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (Symptom s : symptoms) {
          writer.addDocument(document(s));
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        this.termScores = scoreMatrix(reader, similarity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.outOfScope = OutOfScope.bundled(plainAnalyzer);
    this.speller = new Speller(knownWords(symptoms, outOfScope));
    int n = Math.max(1, symptoms.size());
    double idfOne = Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
    this.unit = PHRASINGS_BOOST * idfOne / (1 + 1.2);
  }

  /**
   * Every symptom with some evidence, best first, with calibrated scores (possibly below {@link
   * MatchResult#MIN_SCORE}). Empty when nothing in the text is known to the knowledge base.
   */
  public List<SymptomMatch> match(String text) {
    return score(text).matches;
  }

  /** The verdict for a report: matches at or above {@link MatchResult#MIN_SCORE}, and out-of-scope hits. */
  public MatchResult assess(String text) {
    Scored scored = score(text);
    List<SymptomMatch> kept = scored.matches.stream().filter(m -> m.score() >= MatchResult.MIN_SCORE).toList();
    return new MatchResult(kept, scored.outOfScopeHits);
  }

  private record Scored(List<SymptomMatch> matches, Set<String> outOfScopeHits) {}

  private Scored score(String text) {
    if (text == null || text.isBlank() || symptoms.isEmpty()) {
      return new Scored(List.of(), Set.of());
    }
    String clipped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<String> words = SurfaceTokens.of(clipped, MAX_TOKENS);
    if (words.isEmpty()) {
      return new Scored(List.of(), Set.of());
    }
    Map<String, String> repairs = new HashMap<>();
    StringBuilder asWritten = new StringBuilder();
    StringBuilder repaired = new StringBuilder();
    for (String w : words) {
      asWritten.append(w).append(' ');
      repaired.append(repairs.computeIfAbsent(w, speller::repair)).append(' ');
    }
    String repairedText = repaired.toString();
    Set<String> original = new HashSet<>(queryAnalyzer.terms(asWritten.toString()));
    Set<String> terms = new LinkedHashSet<>();
    for (String t : queryAnalyzer.terms(repairedText)) {
      if (terms.size() >= MAX_TERMS) {
        break;
      }
      if (termScores.containsKey(t)) {
        terms.add(t);
      }
    }
    Set<String> oosHits = outOfScope.find(plainAnalyzer.terms(repairedText));
    if (terms.isEmpty()) {
      return new Scored(List.of(), oosHits);
    }

    double[] raw = new double[symptoms.size()];
    double best = 0;
    for (String t : terms) {
      float[] s = termScores.get(t);
      double weight = original.contains(t) ? 1 : REPAIRED_WEIGHT;
      double max = 0;
      for (int i = 0; i < s.length; i++) {
        raw[i] += weight * s[i];
        max = Math.max(max, weight * s[i]);
      }
      best += max;
    }
    double denominator = best + OOS_UNITS * unit * oosHits.size();
    List<SymptomMatch> out = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] <= 0) {
        continue;
      }
      double coverage = raw[i] / denominator;
      double strength = 1 - Math.exp(-raw[i] / (SATURATION_UNITS * unit));
      Symptom s = symptoms.get(i);
      out.add(new SymptomMatch(s.id(), s.title(), Math.min(1, Math.max(0, coverage * strength))));
    }
    out.sort(Comparator.comparingDouble(SymptomMatch::score).reversed());
    return new Scored(out, oosHits);
  }

  /**
   * For every indexed term, its score for every symptom: the BM25 score (Lucene's {@link
   * BM25Similarity} on the index statistics, field boost applied) of a {@link DisjunctionMaxQuery}
   * over the fields, computed once in a single pass over the postings, so a query costs a map
   * look-up per term instead of a search.
   */
  private Map<String, float[]> scoreMatrix(DirectoryReader reader, BM25Similarity similarity) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
    int n = symptoms.size();
    int[] symptomOfDoc = new int[reader.maxDoc()];
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(symptoms.get(i).id(), i);
    }
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      symptomOfDoc[doc] = position.get(searcher.storedFields().document(doc).get(ID));
    }
    Map<String, float[]> maxOf = new HashMap<>();
    Map<String, float[]> sumOf = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (Map.Entry<String, Float> f : FIELDS.entrySet()) {
        String field = f.getKey();
        Terms terms = leaf.reader().terms(field);
        CollectionStatistics collection = searcher.collectionStatistics(field);
        if (terms == null || collection == null) {
          continue;
        }
        TermsEnum it = terms.iterator();
        for (BytesRef b = it.next(); b != null; b = it.next()) {
          String term = b.utf8ToString();
          TermStatistics stats = new TermStatistics(BytesRef.deepCopyOf(b), it.docFreq(), it.totalTermFreq());
          SimScorer scorer = similarity.scorer(f.getValue(), collection, stats);
          PostingsEnum postings = it.postings(null, PostingsEnum.FREQS);
          NumericDocValues norms = leaf.reader().getNormValues(field);
          float[] max = maxOf.computeIfAbsent(term, k -> new float[n]);
          float[] sum = sumOf.computeIfAbsent(term, k -> new float[n]);
          for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
            float score = scorer.score(postings.freq(), norm);
            int symptom = symptomOfDoc[leaf.docBase + doc];
            max[symptom] = Math.max(max[symptom], score);
            sum[symptom] += score;
          }
        }
      }
    }
    Map<String, float[]> out = new HashMap<>();
    for (Map.Entry<String, float[]> e : maxOf.entrySet()) {
      float[] max = e.getValue();
      float[] sum = sumOf.get(e.getKey());
      float[] dismax = new float[n];
      for (int i = 0; i < n; i++) {
        dismax[i] = max[i] + TIE_BREAKER * (sum[i] - max[i]);
      }
      out.put(e.getKey(), dismax);
    }
    return Map.copyOf(out);
  }

  /** The analysed form of a report's known terms, as the matcher scores them (for tests and debugging). */
  List<String> queryTerms(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder repaired = new StringBuilder();
    for (String w : SurfaceTokens.of(text, MAX_TOKENS)) {
      repaired.append(speller.repair(w)).append(' ');
    }
    for (String t : queryAnalyzer.terms(repaired.toString())) {
      if (termScores.containsKey(t) && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static Document document(Symptom s) {
    Document doc = new Document();
    doc.add(new StoredField(ID, s.id()));
    add(doc, "title", List.of(s.title()));
    add(doc, "phrasings", s.phrasings());
    add(doc, "keywords", s.keywords());
    add(doc, "summary", List.of(nullToEmpty(s.summary())));
    add(doc, "causeTitle", s.causes().stream().map(Cause::title).toList());
    add(doc, "causeText", s.causes().stream().map(Cause::explanation).toList());
    return doc;
  }

  private static void add(Document doc, String field, List<String> values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        doc.add(new TextField(field, v, Field.Store.NO));
      }
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
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
}
