package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.MissingFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a live read got, safe to fill from several threads: documents by kind and id, and failures. */
final class Documents {

  /** A document as ARM returned it. */
  record Doc(String kind, String id, JsonNode json) {}

  private final Map<String, Doc> docs = new LinkedHashMap<>();
  private final List<MissingFact> failures = new ArrayList<>();
  private final java.util.Set<String> failed = new java.util.HashSet<>();

  synchronized void add(String kind, String id, JsonNode json) {
    docs.putIfAbsent(kind + "|" + ArmId.normalize(id), new Doc(kind, id, json));
  }

  synchronized void fail(ReadTask task, String reason) {
    if (failed.add(task.kind() + "|" + ArmId.normalize(task.id()))) {
      failures.add(new MissingFact(task.kind(), task.id(), task.referencedBy(), reason));
    }
  }

  synchronized boolean has(String kind, String id) {
    return docs.containsKey(kind + "|" + ArmId.normalize(id));
  }

  /** Read already, or tried and failed: either way not to be asked again. */
  synchronized boolean tried(String kind, String id) {
    String key = kind + "|" + ArmId.normalize(id);
    return docs.containsKey(key) || failed.contains(key);
  }

  synchronized List<Doc> of(String kind) {
    return docs.values().stream().filter(d -> d.kind().equals(kind)).toList();
  }

  /** Every document, sorted by kind then id, so file names come out the same on every run. */
  synchronized List<Doc> sorted() {
    return docs.values().stream()
        .sorted(Comparator.comparing(Doc::kind).thenComparing(d -> ArmId.normalize(d.id())))
        .toList();
  }

  /** Failures sorted by kind then reference. */
  synchronized List<MissingFact> failures() {
    return failures.stream()
        .sorted(Comparator.comparing(MissingFact::kind).thenComparing(f -> ArmId.normalize(f.reference())))
        .toList();
  }
}
