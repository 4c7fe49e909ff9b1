package dev.lbtriage.kb.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every symptom lb-triage knows, in a stable order (the order of their files). */
public record KnowledgeBase(List<Symptom> symptoms) {
  public KnowledgeBase {
    symptoms = List.copyOf(symptoms);
  }

  public Optional<Symptom> symptom(String id) {
    return symptoms.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Cause> cause(String id) {
    return causes().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Question> question(String id) {
    return symptoms.stream().flatMap(s -> s.questions().stream()).filter(q -> q.id().equals(id)).findFirst();
  }

  public Stream<Cause> causes() {
    return symptoms.stream().flatMap(s -> s.causes().stream());
  }

  public Stream<Question> questions() {
    return symptoms.stream().flatMap(s -> s.questions().stream());
  }

  /** The symptom a cause belongs to. */
  public Optional<Symptom> symptomOf(String causeId) {
    return symptoms.stream().filter(s -> s.causes().stream().anyMatch(c -> c.id().equals(causeId))).findFirst();
  }
}
