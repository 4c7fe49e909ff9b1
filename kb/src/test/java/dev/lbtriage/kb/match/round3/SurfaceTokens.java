package dev.lbtriage.kb.match.round3;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Words as written (tokenised, lower-cased, folded; not stemmed): the unit of typo correction. */
final class SurfaceTokens {
  private static final Analyzer SURFACE =
      new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
          return DomainAnalyzer.percentFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
      };

  private SurfaceTokens() {}

  /** At most {@code max} surface tokens of {@code text}. */
  static List<String> of(String text, int max) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = SURFACE.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (out.size() < max && ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
