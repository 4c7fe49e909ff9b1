package dev.lbtriage.kb.load;

import dev.lbtriage.kb.model.AnswerKind;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.FromReport;
import dev.lbtriage.kb.model.ProbeHealthSide;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that need every file read: an implication names a question of the KB and an answer it
 * takes, a {@code sameAs} names a question (or cause) with readings of its own, and at most one
 * symptom is each side of Health Probe Status.
 */
final class CrossReferences {
  /** An {@code implies} entry to check: {@code to} must be a question of the KB that takes {@code answer}. */
  record Implied(String from, String to, String answer, String file, int line) {}

  private CrossReferences() {}

  static void check(List<Symptom> symptoms, List<Implied> implied, List<ReportReadingsReader.SameAs> sameAs,
      List<ReportReadingsReader.Side> sides, Problems problems) {
    for (Implied i : implied) {
      Optional<Question> to = question(symptoms, i.to());
      if (to.isEmpty()) {
        problems.add(i.file(), i.line(), "question '" + i.from() + "' implies an answer to question '" + i.to()
            + "' which no symptom declares");
      } else if (to.get().answer() != AnswerKind.YES_NO) {
        problems.add(i.file(), i.line(), "question '" + i.from() + "' implies an answer to question '" + i.to()
            + "', which is not a yes-no question");
      }
    }
    for (ReportReadingsReader.SameAs s : sameAs) {
      Optional<FromReport> target = s.kind().equals("question")
          ? question(symptoms, s.to()).map(Question::fromReport)
          : symptoms.stream().flatMap(x -> x.causes().stream()).filter(c -> c.id().equals(s.to())).findFirst().map(Cause::fromReport);
      boolean exists = s.kind().equals("question") ? question(symptoms, s.to()).isPresent()
          : symptoms.stream().flatMap(x -> x.causes().stream()).anyMatch(c -> c.id().equals(s.to()));
      if (!exists) {
        problems.add(s.file(), s.line(), s.kind() + " '" + s.from() + "' reads the report as " + s.kind() + " '" + s.to()
            + "', which no symptom declares");
      } else if (target.isEmpty() || target.get().readings().isEmpty()) {
        problems.add(s.file(), s.line(), s.kind() + " '" + s.from() + "' reads the report as " + s.kind() + " '" + s.to()
            + "', which has no readings of its own");
      } else if (s.kind().equals("question")
          && question(symptoms, s.to()).get().answer() != question(symptoms, s.from()).map(Question::answer).orElse(null)) {
        problems.add(s.file(), s.line(), "question '" + s.from() + "' reads the report as question '" + s.to()
            + "', which takes another kind of answer");
      }
    }
    Map<ProbeHealthSide.Shows, ReportReadingsReader.Side> first = new EnumMap<>(ProbeHealthSide.Shows.class);
    for (ReportReadingsReader.Side side : sides) {
      ReportReadingsReader.Side before = first.putIfAbsent(side.shows(), side);
      if (before != null) {
        problems.add(side.file(), side.line(), "probeHealth shows " + side.shows().name().toLowerCase(java.util.Locale.ROOT)
            + " is already the side of symptom '" + before.symptom() + "' (" + before.file() + ":" + before.line()
            + "); one symptom per side");
      }
    }
  }

  private static Optional<Question> question(List<Symptom> symptoms, String id) {
    return symptoms.stream().flatMap(s -> s.questions().stream()).filter(q -> q.id().equals(id)).findFirst();
  }
}
