package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drives one conversation through the engine API, as a face would, and keeps what it saw. */
final class Chat {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final SymptomMatcher MATCHER = new SymptomMatcher(KB);
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RuleEngine.fromClasspath());
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  final ConversationEngine engine;
  ConversationState state;
  List<Reply> last = List.of();
  final List<Reply> live = new ArrayList<>();
  final List<Reply> all = new ArrayList<>();

  Chat(FactSource source) {
    this(source, null);
  }

  /** @param runner live checks, null for the engine without them */
  Chat(FactSource source, LiveCheckRunner runner) {
    this.engine = runner == null ? new ConversationEngine(MATCHER, DIAGNOSER, source, CLOCK)
        : new ConversationEngine(MATCHER, DIAGNOSER, source, CLOCK, runner);
    Turn t = engine.start("s-1", "test:1");
    state = t.next();
    last = t.replies();
    all.addAll(last);
  }

  static Chat on(String snapshot) {
    return new Chat(new SnapshotReader(snapshot(snapshot)));
  }

  static Path snapshot(String name) {
    try {
      return Path.of(Chat.class.getResource("/snapshots/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Chat say(String line) {
    Turn t = engine.handle(state, line, "alice", live::add);
    state = t.next();
    last = t.replies();
    all.addAll(last);
    return this;
  }

  /** The prompt the last turn ended with, if it ended with one. */
  Optional<Reply.Prompt> prompt() {
    return last.isEmpty() || !(last.get(last.size() - 1) instanceof Reply.Prompt p) ? Optional.empty() : Optional.of(p);
  }

  String promptId() {
    return prompt().map(Reply.Prompt::id).orElse(null);
  }

  <T extends Reply> List<T> lastOf(Class<T> type) {
    return last.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The sections of one type in the messages the last turn said, in order. */
  <T extends Section> List<T> sectionsOf(Class<T> type) {
    return sectionsOf(last, type);
  }

  static <T extends Section> List<T> sectionsOf(List<Reply> replies, Class<T> type) {
    return replies.stream().filter(Reply.Say.class::isInstance).map(r -> ((Reply.Say) r).message())
        .flatMap(m -> m.sectionsOf(type).stream()).toList();
  }

  /** The commands of a commands section as one text, each as {@code # description} then the command. */
  static String code(Section.Commands c) {
    return String.join("\n\n", c.commands().stream().map(x -> (x.description() == null ? "" : "# " + x.description() + "\n") + x.text())
        .toList());
  }

  /**
   * The last findings table shown; when the last turn showed none (the conclusion's first screen
   * has none), the one "details" would show, asked on the side without moving the conversation.
   */
  Section.Findings findings() {
    List<Section.Findings> t = sectionsOf(Section.Findings.class);
    if (t.isEmpty()) {
      t = sectionsOf(engine.handle(state, "details", "alice", r -> {}).replies(), Section.Findings.class);
    }
    return t.get(t.size() - 1);
  }

  String status(String cause) {
    return findings().rows().stream().filter(r -> r.cause().equals(cause)).map(r -> r.status().id()).findFirst()
        .orElseThrow();
  }

  /** Everything the last turn said, as text, for contains-assertions. */
  String text() {
    StringBuilder b = new StringBuilder();
    for (Reply r : last) {
      b.append(r).append('\n');
    }
    return b.toString();
  }
}
