package dev.lbtriage.kb.match.round3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Azure error codes pasted verbatim in a report ({@code CannotRemoveRuleUsedByProbeUsedByVMSS}) and
 * what they point to: a symptom id, or {@code oos:TOPIC}. The dictionary is {@code
 * kb/match/error-codes.tsv}; a code is matched as one whole word, ignoring case.
 */
final class ErrorCodes {
  static final String RESOURCE = "/match/round3/error-codes.tsv";

  /** One code of the dictionary. */
  record Code(String code, String label) {
    boolean outOfScope() {
      return label.startsWith("oos:");
    }
  }

  private final Map<String, Code> byWord;

  private ErrorCodes(Map<String, Code> byWord) {
    this.byWord = byWord;
  }

  static ErrorCodes bundled() {
    Map<String, Code> map = new LinkedHashMap<>();
    try (InputStream in = ErrorCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 2) {
          throw new IllegalStateException(RESOURCE + ":" + n + ": expected code<TAB>label");
        }
        map.put(f[0].strip().toLowerCase(Locale.ROOT), new Code(f[0].strip(), f[1].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ErrorCodes(Map.copyOf(map));
  }

  /** The codes among a report's surface words (lower-cased), each once, in order of appearance. */
  List<Code> find(Collection<String> surfaceWords) {
    return surfaceWords.stream().distinct().map(byWord::get).filter(c -> c != null).toList();
  }
}
