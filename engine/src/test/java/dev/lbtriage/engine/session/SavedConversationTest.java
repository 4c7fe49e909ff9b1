package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A face's loop: each turn saved; a new process finds the conversation by its key and finishes it. */
class SavedConversationTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Clock CLOCK = Clock.fixed(States.T0, ZoneOffset.UTC);
  @TempDir Path dir;

  ConversationEngine engine() throws Exception {
    Path snapshot = Path.of(getClass().getResource("/snapshots/internal-basic").toURI());
    return new ConversationEngine(new SymptomMatcher(KB), new Diagnoser(KB, RuleEngine.fromClasspath()),
        new SnapshotReader(snapshot), CLOCK);
  }

  @Test
  void a_conversation_saved_every_turn_is_found_by_key_after_a_restart_and_finished() throws Exception {
    String url = DataLocation.h2File(dir.resolve("sessions"));
    String key = "slack:C42:1712345.678";
    try (SessionStore store = new JdbcSessionStore(url, CLOCK)) {
      ConversationEngine engine = engine();
      Turn t = engine.start("s-42", key, "my health probe shows all backends down", "alice", r -> {});
      store.save(t.next());
      t = engine.handle(t.next(), "I don't know", "bob", r -> {});
      store.save(t.next());
    }

    try (SessionStore store = new JdbcSessionStore(url, CLOCK)) {
      ConversationState saved = store.byKey(key).orElseThrow();
      assertThat(saved.turn()).isEqualTo(2);
      assertThat(saved.asking()).isEqualTo("probe-port-listening");
      ConversationEngine engine = engine();
      Turn resumed = engine.resume(saved, r -> {});
      assertThat(resumed.replies().get(resumed.replies().size() - 1)).isInstanceOfSatisfying(Reply.Prompt.class,
          p -> assertThat(p.id()).isEqualTo("probe-port-listening"));
      Turn done = engine.handle(resumed.next(), "no", "alice", r -> {});
      store.save(done.next());
      assertThat(done.next().stage()).isEqualTo(Stage.CONCLUDED);
      assertThat(store.latest().orElseThrow().answers()).extracting(a -> a.by()).containsExactly("bob", "alice");
      assertThat(store.list(5)).singleElement().satisfies(s -> assertThat(s.stage()).isEqualTo(Stage.CONCLUDED));
    }
  }
}
