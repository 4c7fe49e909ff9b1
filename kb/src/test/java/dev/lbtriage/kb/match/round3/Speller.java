package dev.lbtriage.kb.match.round3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Typo and compound repair of a report's words against the words the matcher knows (the knowledge
 * base, the synonym file and the out-of-scope list), before the report is analysed, so that a
 * repaired word still goes through synonyms and stemming ("helth prob" becomes "health probe",
 * then the single concept {@code probe}).
 *
 * <p>Only alphabetic words that are unknown, not stop words and at least {@value #MIN_LENGTH}
 * letters long are touched; a 4-letter word is only completed by one letter ("prob"). First a split into two known words is tried ("loadbalancer",
 * "healthprobe", "scaleset"); otherwise the closest known word with the same first letter within
 * one edit (words of 4-7 letters) or two edits (8 or more) by optimal string alignment distance
 * (so a transposition is one edit), the more frequent known word winning ties. Anything else is
 * left as it is and will simply not match.
 */
final class Speller {
  static final int MIN_LENGTH = 4;
  private static final int SHORT = 5;
  private static final int MIN_PART = 2;

  private final Map<String, Integer> frequency;
  private final Map<Character, List<String>> byFirstLetter = new HashMap<>();

  Speller(Map<String, Integer> knownWords) {
    this.frequency = Map.copyOf(knownWords);
    for (String w : frequency.keySet()) {
      if (w.length() >= 4 && isAlpha(w)) {
        byFirstLetter.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
      }
    }
  }

  boolean knows(String word) {
    return frequency.containsKey(word);
  }

  /** The repaired form of one surface word: itself, two words separated by a space, or a known word. */
  String repair(String word) {
    if (word.length() < MIN_LENGTH || knows(word) || !isAlpha(word) || DomainAnalyzer.STOP_WORDS.contains(word)) {
      return word;
    }
    String split = split(word);
    if (split != null) {
      return split;
    }
    String near = nearest(word);
    return near != null ? near : word;
  }

  private String split(String word) {
    String best = null;
    int bestShorter = 0;
    for (int i = MIN_PART; i <= word.length() - MIN_PART; i++) {
      String a = word.substring(0, i);
      String b = word.substring(i);
      if (knows(a) && knows(b) && !DomainAnalyzer.STOP_WORDS.contains(a) && !DomainAnalyzer.STOP_WORDS.contains(b)) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter > bestShorter) {
          bestShorter = shorter;
          best = a + " " + b;
        }
      }
    }
    return best;
  }

  private String nearest(String word) {
    int maxEdits = word.length() >= 8 ? 2 : 1;
    List<String> candidates = byFirstLetter.get(word.charAt(0));
    if (candidates == null) {
      return null;
    }
    String best = null;
    int bestDistance = maxEdits + 1;
    int bestFrequency = -1;
    for (String c : candidates) {
      if (Math.abs(c.length() - word.length()) > maxEdits) {
        continue;
      }
      if (word.length() < SHORT && c.length() != word.length() + 1) {
        continue; // a short word has too many neighbours: only complete it ("prob" -> "probe")
      }
      int d = distance(word, c, maxEdits);
      int f = frequency.get(c);
      if (d < bestDistance || (d == bestDistance && d <= maxEdits && f > bestFrequency)) {
        best = c;
        bestDistance = d;
        bestFrequency = f;
      }
    }
    return bestDistance <= maxEdits ? best : null;
  }

  /** Optimal string alignment distance, or {@code limit + 1} once it exceeds {@code limit}. */
  static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[n][m];
  }

  private static boolean isAlpha(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
