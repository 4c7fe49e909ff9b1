package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.Candidate;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Conversation states for store tests, without running the engine. */
final class States {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private States() {}

  /** A conversation {@code turns} user lines in, with one answer per turn after the second. */
  static ConversationState at(String id, String key, int turns) {
    ConversationState s = ConversationState.fresh(id, key, T0)
        .withReport("probe down on lb-web", List.of(new Candidate("probe-down", "VMs ... health probes", 0.8)))
        .withSymptom("probe-down", 0.8)
        .withLoadBalancer("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb-web", "snapshot folder /x (3 files)")
        .withStage(Stage.ASKING, "vm-responds");
    List<RecordedAnswer> answers = new ArrayList<>();
    for (int i = 1; i <= turns; i++) {
      s = s.nextTurn(T0.plusSeconds(i));
      if (i > 2) {
        answers.add(new RecordedAnswer("q" + i, i % 2 == 0 ? "yes" : "no", "alice", T0.plusSeconds(i)));
        s = s.withAnswers(answers);
      }
    }
    return s;
  }
}
