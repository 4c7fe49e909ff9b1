package dev.lbtriage.kb.match.round3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The labelled examples in an in-memory Lucene index (one document each, analysed like the KB), for
 * the k-nearest-neighbours vote: a report's distinct terms as a Boolean OR scored by BM25, the best
 * {@code k} examples. Like {@link LexicalIndex}, the per-term BM25 scores of every example are read
 * from the index once at construction (Lucene's {@link BM25Similarity} on the index statistics), so
 * a query is a sum over the terms' postings: the same scores as searching the OR query, without
 * building a query and its weights for every report.
 */
final class ExampleIndex {
  private static final String TEXT = "text";
  private static final int EXCERPT = 100;

  /** One neighbour of a report, with a short excerpt of its text for explanations. */
  record Neighbour(Example example, double score, String excerpt) {}

  /** The examples containing one term, and the term's BM25 score in each. */
  private record Postings(int[] docs, float[] scores) {}

  private final List<Example> examples;
  private final List<String> excerpts;
  private final Map<String, Postings> postings;

  ExampleIndex(List<Example> examples) {
    this.examples = List.copyOf(examples);
    this.excerpts = this.examples.stream().map(e -> excerpt(e.text())).toList();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    BM25Similarity similarity = new BM25Similarity();
    try (DomainAnalyzer analyzer = DomainAnalyzer.forIndex()) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (Example e : this.examples) {
          Document d = new Document();
          d.add(new TextField(TEXT, e.text(), Field.Store.NO));
          writer.addDocument(d);
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        if (reader.leaves().size() > 1 || reader.maxDoc() != this.examples.size()) {
          throw new IllegalStateException("example index must be one segment with one document per example");
        }
        this.postings = read(reader, similarity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Postings> read(DirectoryReader reader, BM25Similarity similarity) throws IOException {
    Map<String, Postings> out = new HashMap<>();
    if (reader.leaves().isEmpty()) {
      return out;
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    CollectionStatistics collection = searcher.collectionStatistics(TEXT);
    LeafReader leaf = reader.leaves().get(0).reader();
    Terms terms = leaf.terms(TEXT);
    if (terms == null || collection == null) {
      return out;
    }
    NumericDocValues norms = leaf.getNormValues(TEXT);
    TermsEnum it = terms.iterator();
    for (BytesRef b = it.next(); b != null; b = it.next()) {
      TermStatistics stats = new TermStatistics(BytesRef.deepCopyOf(b), it.docFreq(), it.totalTermFreq());
      SimScorer scorer = similarity.scorer(1f, collection, stats);
      PostingsEnum pe = it.postings(null, PostingsEnum.FREQS);
      int[] docs = new int[it.docFreq()];
      float[] scores = new float[it.docFreq()];
      int n = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
        docs[n] = doc; // one segment, documents added in order, no deletions: the doc id is the example's position
        scores[n] = scorer.score(pe.freq(), norm);
        n++;
      }
      out.put(b.utf8ToString(), new Postings(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n)));
    }
    return Map.copyOf(out);
  }

  int size() {
    return examples.size();
  }

  /** The {@code k} examples closest to a report's distinct analysed terms, best first. */
  List<Neighbour> nearest(Collection<String> terms, int k) {
    if (terms.isEmpty() || examples.isEmpty()) {
      return List.of();
    }
    double[] score = new double[examples.size()];
    int n = 0;
    for (String t : terms) {
      if (n++ >= SymptomMatcher.MAX_TERMS) {
        break;
      }
      Postings p = postings.get(t);
      if (p != null) {
        for (int i = 0; i < p.docs().length; i++) {
          score[p.docs()[i]] += p.scores()[i];
        }
      }
    }
    List<Neighbour> out = new ArrayList<>(k);
    boolean[] taken = new boolean[score.length];
    for (int round = 0; round < k; round++) {
      int best = -1;
      for (int d = 0; d < score.length; d++) {
        if (!taken[d] && score[d] > 0 && (best < 0 || score[d] > score[best])) {
          best = d;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      out.add(new Neighbour(examples.get(best), score[best], excerpts.get(best)));
    }
    return out;
  }

  private static String excerpt(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "...";
  }
}
