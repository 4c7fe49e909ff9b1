package dev.lbtriage.kb.match.round3;

import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Symptom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The symptoms as one document each of an in-memory Lucene index, with fields weighted at query
 * time: title {@value #TITLE_BOOST}, phrasings {@value #PHRASINGS_BOOST}, keywords {@value
 * #KEYWORDS_BOOST}, summary {@value #SUMMARY_BOOST}, cause titles {@value #CAUSE_TITLE_BOOST}, cause
 * explanations {@value #CAUSE_TEXT_BOOST}, analysed by {@link DomainAnalyzer}, BM25 with {@code b =
 * }{@value #BM25_B}. Each term is scored as a {@link DisjunctionMaxQuery} over the fields (tie
 * {@value #TIE_BREAKER}) would score it, for every symptom: a term x symptom matrix computed once
 * at construction, so scoring a report is a map look-up per term.
 */
final class LexicalIndex {
  static final float TITLE_BOOST = 3.0f;
  static final float PHRASINGS_BOOST = 2.5f;
  static final float KEYWORDS_BOOST = 2.0f;
  static final float SUMMARY_BOOST = 1.2f;
  static final float CAUSE_TITLE_BOOST = 1.0f;
  static final float CAUSE_TEXT_BOOST = 0.5f;
  static final float BM25_B = 0.3f;
  static final float TIE_BREAKER = 0.1f;

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
  private final double unit;

  /** Classpath resource of the extra wording per symptom (indexed with its keywords). */
  static final String WORDING_RESOURCE = "/match/round3/wording.tsv";

  LexicalIndex(List<Symptom> symptoms) {
    Map<String, List<String>> wording = wording();
    this.symptoms = List.copyOf(symptoms);
    BM25Similarity similarity = new BM25Similarity(1.2f, BM25_B);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (DomainAnalyzer indexAnalyzer = DomainAnalyzer.forIndex()) {
      IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer).setSimilarity(similarity);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (Symptom s : this.symptoms) {
          Document d = document(s);
          add(d, "keywords", wording.getOrDefault(s.id(), List.of()));
          writer.addDocument(d);
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        this.termScores = scoreMatrix(reader, similarity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = Math.max(1, this.symptoms.size());
    double idfOne = Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
    this.unit = PHRASINGS_BOOST * idfOne / (1 + 1.2);
  }

  /** Whether the index knows an analysed term. */
  boolean knows(String term) {
    return termScores.containsKey(term);
  }

  /** The term's score for every symptom (in KB order), or {@code null} for an unknown term. */
  float[] scores(String term) {
    return termScores.get(term);
  }

  /** The BM25 score of a word found once in one symptom's phrasings: the unit of evidence. */
  double unit() {
    return unit;
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

  /** The phrases of {@value #WORDING_RESOURCE} by symptom id. */
  static Map<String, List<String>> wording() {
    Map<String, List<String>> out = new HashMap<>();
    try (java.io.InputStream in = LexicalIndex.class.getResourceAsStream(WORDING_RESOURCE)) {
      if (in == null) {
        return out;
      }
      java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", 2);
        if (line.isBlank() || line.startsWith("#") || f.length < 2) {
          continue;
        }
        out.computeIfAbsent(f[0].strip(), k -> new java.util.ArrayList<>()).add(f[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

}
