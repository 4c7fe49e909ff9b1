package dev.lbtriage.kb.match.round3;

import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled examples of the nearest-neighbour vote: the phrasings of every KB symptom, and the
 * real reports of {@value #RESOURCE} (the development part of the corpus of real reports, written by
 * users in public threads; the same tab-separated columns as the corpus: {@code id source_repo
 * source_url label cause evidence text}).
 */
public final class Examples {
  static final String RESOURCE = "/match/round3/examples.tsv";

  private Examples() {}

  /** The KB's phrasings and the bundled real examples. */
  public static List<Example> bundled(KnowledgeBase kb) {
    List<Example> out = new ArrayList<>(phrasings(kb));
    out.addAll(real());
    return List.copyOf(out);
  }

  /** Every phrasing (and the title) of every symptom, as examples of that symptom. */
  public static List<Example> phrasings(KnowledgeBase kb) {
    List<Example> out = new ArrayList<>();
    for (Symptom s : kb.symptoms()) {
      int i = 0;
      out.add(new Example("kb:" + s.id() + "#" + i++, "kb", "kb/" + s.id() + ".yaml", s.id(), "", s.title()));
      for (String p : s.phrasings()) {
        out.add(new Example("kb:" + s.id() + "#" + i++, "kb", "kb/" + s.id() + ".yaml", s.id(), "", p));
      }
    }
    return out;
  }

  /** The real reports bundled as examples. */
  public static List<Example> real() {
    List<Example> out = new ArrayList<>();
    try (InputStream in = Examples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
          throw new IllegalStateException(RESOURCE + ":" + n + ": " + f.length + " fields, expected 7");
        }
        String label = f[3].strip();
        String topic = label.equals(Example.NONE) ? f[4].strip().replaceFirst("^oos:", "") : "";
        out.add(new Example(f[0].strip(), f[1].strip().toLowerCase(Locale.ROOT), f[2].strip(), label, topic, f[6].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
