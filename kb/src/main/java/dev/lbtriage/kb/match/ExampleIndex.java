package dev.lbtriage.kb.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The labelled examples in an in-memory Lucene index (one document each, analysed like the KB), for
 * the k-nearest-neighbours vote: a report's terms as a Boolean OR, BM25, the best {@code k} examples.
 */
final class ExampleIndex {
  private static final String TEXT = "text";
  private static final String POS = "pos";

  /** One neighbour of a report. */
  record Neighbour(Example example, double score) {}

  private final List<Example> examples;
  private final IndexSearcher searcher;
  private final DirectoryReader reader;

  ExampleIndex(List<Example> examples) {
    this.examples = List.copyOf(examples);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    BM25Similarity similarity = new BM25Similarity();
    try (DomainAnalyzer analyzer = DomainAnalyzer.forIndex()) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < this.examples.size(); i++) {
          Document d = new Document();
          d.add(new StoredField(POS, i));
          d.add(new TextField(TEXT, this.examples.get(i).text(), Field.Store.NO));
          writer.addDocument(d);
        }
        writer.forceMerge(1);
      }
      this.reader = DirectoryReader.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(similarity);
  }

  int size() {
    return examples.size();
  }

  /** The {@code k} examples closest to a report's analysed terms, best first. */
  List<Neighbour> nearest(Collection<String> terms, int k) {
    if (terms.isEmpty() || examples.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int n = 0;
    for (String t : terms) {
      if (n++ >= SymptomMatcher.MAX_TERMS) {
        break;
      }
      q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
    }
    try {
      TopDocs top = searcher.search(q.build(), k);
      List<Neighbour> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        int pos = searcher.storedFields().document(sd.doc).getField(POS).numericValue().intValue();
        out.add(new Neighbour(examples.get(pos), sd.score));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
