package dev.lbtriage.kb.match.round3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The English analysis the matcher uses for the knowledge base and for reports.
 *
 * <p>Chain: a char filter that rewrites {@code %} to the word {@code percent} (the standard tokenizer
 * drops {@code %}, and "0%" is how the portal says a probe is down) and "0 of 2 healthy" (the
 * portal's backend count) to "zero healthy"; {@link StandardTokenizer}
 * (UAX#29: keeps {@code 168.63.129.16} and {@code 10.0.0.4} as one token and splits
 * {@code :443} to {@code 443}); English possessive; lower case; ASCII folding; English stop words;
 * Porter stemming; then, unless {@linkplain #plain() plain}, the domain synonyms of {@code
 * kb/synonyms.txt} and {@code kb/match/synonyms.txt} with {@link SynonymGraphFilter} ({@link FlattenGraphFilter} after it when
 * indexing). The synonym entries are parsed with the plain chain, so they are stemmed exactly like
 * the text they meet. After the synonyms, bare numbers are dropped ({@link NumberFilter}).
 */
public final class DomainAnalyzer extends Analyzer {

  /** Classpath resource of the domain synonyms (Solr format). */
  public static final String SYNONYMS_RESOURCE = "/match/round3/kb-synonyms.txt";

  /**
   * The matcher's own additions to the KB's synonyms (same format, parsed into the same map after
   * it): wording of real reports that the KB's rules read wrongly ("scale down" is not a probe
   * state). Longer entries win over the KB's shorter ones; never repeat a KB entry here.
   */
  public static final String MATCH_SYNONYMS_RESOURCE = "/match/round3/synonyms.txt";

  /**
   * Lucene's English stop words plus pronouns, auxiliaries and chat filler ("we", "have", "hey",
   * "thanks"), which otherwise become rare, high-IDF terms when a KB phrasing happens to use them,
   * and generic words of real reports ("when", "from", "after", "using", "azure"). Words that matter
   * to a symptom ("same", "own", "still", "no longer") are kept. Synonym entries go through the same
   * chain, so an entry must not rely on a stop word ("delete from" would become "delete").
   */
  static final CharArraySet STOP_WORDS = stopWords();
  private static final NormalizeCharMap PERCENT;

  static {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    b.add("%", " percent ");
    PERCENT = b.build();
  }

  private static volatile SynonymMap bundledSynonyms;

  private final SynonymMap synonyms;
  private final boolean flatten;

  private DomainAnalyzer(SynonymMap synonyms, boolean flatten) {
    this.synonyms = synonyms;
    this.flatten = flatten;
  }

  /** For indexing the knowledge base: synonyms applied and the graph flattened. */
  public static DomainAnalyzer forIndex() {
    return new DomainAnalyzer(bundledSynonyms(), true);
  }

  /** For reports: synonyms applied as a graph (the matcher only collects the terms). */
  public static DomainAnalyzer forQuery() {
    return new DomainAnalyzer(bundledSynonyms(), false);
  }

  /** The chain without synonyms: used to parse the synonym file and to find out-of-scope phrases. */
  public static DomainAnalyzer plain() {
    return new DomainAnalyzer(null, false);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return percentFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream ts = new EnglishPossessiveFilter(source);
    ts = new LowerCaseFilter(ts);
    ts = new ASCIIFoldingFilter(ts);
    ts = new StopFilter(ts, STOP_WORDS);
    ts = new PorterStemFilter(ts);
    if (synonyms != null) {
      ts = new SynonymGraphFilter(ts, synonyms, true);
      ts = new NumberFilter(ts);
      if (flatten) {
        ts = new FlattenGraphFilter(ts);
      }
    }
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  /** The terms of {@code text} in order (a synonym graph's alternatives appear one after another). */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a String
    }
    return out;
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.addAll(
        List.of(
            "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "she",
            "him", "her", "his", "them", "what", "which", "who", "whom", "am", "been", "being",
            "have", "has", "had", "having", "do", "does", "did", "doing", "would", "should",
            "could", "can", "may", "might", "must", "shall", "all", "any", "some", "so", "than",
            "too", "very", "just", "also", "about", "hi", "hey", "hello", "thanks", "thank",
            "please", "anyone", "guys", "folks", "team", "know", "idea", "ideas",
            // generic words of real reports that carry no symptom (issue 14, development part)
            "when", "while", "where", "from", "after", "before", "because", "each", "show", "shows", "showing",
            "new", "use", "used", "using", "get", "got", "getting", "try", "tried", "trying", "seem", "seems",
            "like", "azure", "microsoft", "issue", "issues", "problem", "problems", "question", "one", "two",
            "first", "now", "since", "via", "etc", "e.g", "i.e", "following", "below", "above"));
    return CharArraySet.unmodifiableSet(set);
  }

  /** "0 of 2 healthy", "0/3 healthy", "0 out of 4 instances healthy": the portal's way of saying none is. */
  private static final Pattern NONE_HEALTHY =
      Pattern.compile("(?i)\\b0\\s*(?:of|/|out of)\\s*\\d+\\s+(?:(?:backend\\s+)?(?:instances?|vms?|nodes?|members?|targets?)\\s+)?(?:are\\s+)?healthy");

  static Reader percentFilter(Reader reader) {
    return new PatternReplaceCharFilter(NONE_HEALTHY, " zero healthy ", new MappingCharFilter(PERCENT, reader));
  }

  static SynonymMap bundledSynonyms() {
    SynonymMap map = bundledSynonyms;
    if (map == null) {
      synchronized (DomainAnalyzer.class) {
        map = bundledSynonyms;
        if (map == null) {
          map = parseSynonyms(SYNONYMS_RESOURCE, MATCH_SYNONYMS_RESOURCE);
          bundledSynonyms = map;
        }
      }
    }
    return map;
  }

  private static SynonymMap parseSynonyms(String... resources) {
    try (Analyzer plain = plain()) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
      for (String resource : resources) {
        try (InputStream in = DomainAnalyzer.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
          }
          parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (ParseException e) {
          throw new IllegalStateException("bad synonym file " + resource + ": " + e.getMessage(), e);
        }
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
