package dev.lbtriage.kb.load;

import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.HowToCheck;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.SupportCapture;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Every text of a KB, for tests that look at all of them. */
final class KbTexts {

  private KbTexts() {}

  static List<String> of(KnowledgeBase kb) {
    List<String> all = new ArrayList<>();
    for (Symptom s : kb.symptoms()) {
      all.addAll(List.of(s.title(), s.summary()));
      all.addAll(s.phrasings());
      for (Cause c : s.causes()) {
        all.addAll(List.of(c.title(), c.explanation()));
        c.resolution().forEach(r -> all.add(r.text()));
        c.checks().forEach(k -> all.add(k.description()));
        c.commands().forEach(k -> all.addAll(List.of(k.description(), k.command())));
      }
      for (Question q : s.questions()) {
        all.addAll(List.of(q.text(), q.why()));
        all.addAll(how(q.how()));
        for (Question.Variant v : q.variants()) {
          java.util.stream.Stream.of(v.text(), v.why()).filter(Objects::nonNull).forEach(all::add);
          if (v.how() != null) {
            all.addAll(how(v.how()));
          }
        }
      }
      for (SupportCapture sc : s.supportCase()) {
        all.add(sc.title());
        all.addAll(sc.steps());
        all.addAll(how(sc.how()));
      }
    }
    return all;
  }

  private static List<String> how(HowToCheck h) {
    return Stream.of(h.windows(), h.linux(), h.portal()).filter(Objects::nonNull).toList();
  }
}
