package dev.lbtriage.kb.match.previous;

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
 * removed, no synonyms).
 */
final class OutOfScope {
  /** Classpath resource of the list. */
  static final String RESOURCE = "/match/previous/out-of-scope.txt";

  private final List<String> entries;
  private final List<List<String>> phrases;

  private OutOfScope(List<String> entries, List<List<String>> phrases) {
    this.entries = entries;
    this.phrases = phrases;
  }

  static OutOfScope bundled(DomainAnalyzer plain) {
    List<String> entries = new ArrayList<>();
    List<List<String>> phrases = new ArrayList<>();
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
        List<String> terms = plain.terms(entry);
        if (!terms.isEmpty()) {
          entries.add(entry);
          phrases.add(List.copyOf(terms));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OutOfScope(List.copyOf(entries), List.copyOf(phrases));
  }

  /** The raw words of every entry, for the speller's vocabulary. */
  List<String> entries() {
    return entries;
  }

  /** The entries found in a report's plain-analysed terms, each once. */
  Set<String> find(List<String> terms) {
    if (terms.isEmpty()) {
      return Collections.emptySet();
    }
    Set<String> hits = new LinkedHashSet<>();
    for (int p = 0; p < phrases.size(); p++) {
      List<String> phrase = phrases.get(p);
      if (Collections.indexOfSubList(terms, phrase) >= 0) {
        hits.add(entries.get(p));
      }
    }
    return hits;
  }
}
