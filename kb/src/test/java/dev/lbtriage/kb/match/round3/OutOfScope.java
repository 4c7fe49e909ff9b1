package dev.lbtriage.kb.match.round3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The "known unknowns": phrases of {@code kb/out-of-scope.txt} that mark a report as being about
 * something the knowledge base does not cover (SNAT, DNS resolution, Application Gateway,
 * certificates...). Phrases are compared as sequences of plain-analysed terms (stemmed, stop words
 * removed, no synonyms). Each entry belongs to the {@link OutOfScopeTopic} of the {@code [topic]}
 * line above it ({@link OutOfScopeTopic#OTHER} before any).
 */
final class OutOfScope {
  /** Classpath resource of the list. */
  static final String RESOURCE = "/match/round3/kb-out-of-scope.txt";

  /**
   * Classpath resource of the matcher's exceptions: phrases in which an out-of-scope word means
   * something else ("the alert auto-resolved" is not DNS resolution). One phrase a line, at least two
   * words after analysis; where one occurs in a report, its words are not looked at for entries.
   */
  static final String EXCEPTIONS_RESOURCE = "/match/round3/out-of-scope-exceptions.txt";

  private static final String MASK = "\u0000";

  private final List<String> entries;
  private final List<List<String>> phrases;
  private final List<OutOfScopeTopic> topics;
  private final List<List<String>> exceptions;

  private OutOfScope(List<String> entries, List<List<String>> phrases, List<OutOfScopeTopic> topics, List<List<String>> exceptions) {
    this.entries = entries;
    this.phrases = phrases;
    this.topics = topics;
    this.exceptions = exceptions;
  }

  private static List<List<String>> exceptions(DomainAnalyzer plain) {
    List<List<String>> out = new ArrayList<>();
    try (InputStream in = OutOfScope.class.getResourceAsStream(EXCEPTIONS_RESOURCE)) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String phrase = line.strip();
        if (phrase.isEmpty() || phrase.startsWith("#")) {
          continue;
        }
        List<String> terms = plain.terms(phrase);
        if (terms.size() < 2) {
          throw new IllegalStateException(EXCEPTIONS_RESOURCE + ": \"" + phrase + "\" is one word after analysis; it would hide every use of it");
        }
        out.add(List.copyOf(terms));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  static OutOfScope bundled(DomainAnalyzer plain) {
    List<String> entries = new ArrayList<>();
    List<List<String>> phrases = new ArrayList<>();
    List<OutOfScopeTopic> topics = new ArrayList<>();
    OutOfScopeTopic topic = OutOfScopeTopic.OTHER;
    try (InputStream in = OutOfScope.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        if (entry.startsWith("[") && entry.endsWith("]")) {
          String id = entry.substring(1, entry.length() - 1);
          topic = OutOfScopeTopic.byId(id).orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown topic " + id));
          continue;
        }
        List<String> terms = plain.terms(entry);
        if (!terms.isEmpty()) {
          entries.add(entry);
          phrases.add(List.copyOf(terms));
          topics.add(topic);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OutOfScope(List.copyOf(entries), List.copyOf(phrases), List.copyOf(topics), exceptions(plain));
  }

  /** The raw words of every entry, for the speller's vocabulary. */
  List<String> entries() {
    return entries;
  }

  /** The entries found in a report's plain-analysed terms, each once. */
  Set<String> find(List<String> reportTerms) {
    if (reportTerms.isEmpty()) {
      return Collections.emptySet();
    }
    List<String> terms = masked(reportTerms);
    Set<String> hits = new LinkedHashSet<>();
    for (int p = 0; p < phrases.size(); p++) {
      List<String> phrase = phrases.get(p);
      if (Collections.indexOfSubList(terms, phrase) >= 0) {
        hits.add(entries.get(p));
      }
    }
    return hits;
  }

  /** The report's terms with the words of every exception phrase replaced by a mask. */
  private List<String> masked(List<String> terms) {
    if (exceptions.isEmpty()) {
      return terms;
    }
    List<String> out = null;
    for (List<String> e : exceptions) {
      for (int i = Collections.indexOfSubList(terms, e); i >= 0; ) {
        if (out == null) {
          out = new ArrayList<>(terms);
        }
        for (int j = i; j < i + e.size(); j++) {
          out.set(j, MASK);
        }
        int next = Collections.indexOfSubList(terms.subList(i + 1, terms.size()), e);
        i = next < 0 ? -1 : i + 1 + next;
      }
    }
    return out == null ? terms : out;
  }

  /** The topic of an entry returned by {@link #find}. */
  OutOfScopeTopic topicOf(String entry) {
    int i = entries.indexOf(entry);
    return i < 0 ? OutOfScopeTopic.OTHER : topics.get(i);
  }
}
