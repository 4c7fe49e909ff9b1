package dev.lbtriage.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.session.JdbcSessionStore;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationsTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final String REPORT = "my health probe shows all backends down";
  static final SnapshotReader READER = new SnapshotReader(Path.of("src/test/resources/snapshots/internal-basic"));
  static final AtomicInteger DB = new AtomicInteger();

  final JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:runtime" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());

  @AfterEach
  void close() {
    store.close();
  }

  /** Reads the one snapshot; blocks its reads until released while {@code hold} is set. */
  static final class HeldSource implements FactSource {
    volatile boolean hold;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public List<LoadBalancerSummary> loadBalancers() {
      return READER.loadBalancers();
    }

    @Override
    public AzureFacts gather(String lb, Progress progress) {
      if (hold) {
        entered.countDown();
        await(release);
      }
      progress.update("reading the snapshot", 1, 1);
      return READER.gather(lb, progress);
    }

    @Override
    public String describe() {
      return "held test source";
    }
  }

  Conversations runtime(FactSource source) {
    ConversationEngine engine = new ConversationEngine(new SymptomMatcher(KB), new Diagnoser(KB, RuleEngine.fromClasspath()), source,
        Clock.systemUTC());
    AtomicInteger n = new AtomicInteger();
    return new Conversations(engine, store, () -> "c-" + n.incrementAndGet());
  }

  @Test
  void a_first_input_starts_a_conversation_that_is_saved_after_every_turn_with_progress_sent_live() {
    Conversations runtime = runtime(new HeldSource());
    List<Reply> replies = new CopyOnWriteArrayList<>();

    Optional<ConversationState> first = runtime.handle("room-1", "alice", Conversations.Input.typed(REPORT), replies::add);

    assertThat(first).isPresent();
    assertThat(store.byKey("room-1")).get().isEqualTo(first.get());
    assertThat(runtime.knows("room-1")).isTrue();
    assertThat(runtime.knows("room-2")).isFalse();
    assertThat(replies).anyMatch(r -> r instanceof Reply.ProgressUpdate);
    assertThat(replies.get(replies.size() - 1)).isInstanceOf(Reply.Prompt.class);

    Optional<ConversationState> second = runtime.handle("room-1", "bob", Conversations.Input.typed("I don't know"), r -> {});
    assertThat(second.get().id()).isEqualTo(first.get().id());
    assertThat(second.get().turn()).isEqualTo(first.get().turn() + 1);
    assertThat(second.get().answers()).extracting(a -> a.by()).contains("bob");
  }

  @Test
  void input_delivered_twice_is_answered_once() {
    Conversations runtime = runtime(new HeldSource());
    runtime.handle("room-1", "alice", new Conversations.Input(REPORT, "ev-1"), r -> {});
    List<Reply> again = new CopyOnWriteArrayList<>();

    Optional<ConversationState> redelivered = runtime.handle("room-1", "alice", new Conversations.Input(REPORT, "ev-1"), again::add);

    assertThat(redelivered).isEmpty();
    assertThat(again).isEmpty();
    assertThat(store.byKey("room-1").get().turn()).isEqualTo(1);
    // delivery ids are the face's (Slack event ids, Teams activity ids): unique across conversations, claimed in the store
    assertThat(runtime.handle("room-2", "alice", new Conversations.Input(REPORT, "ev-1"), r -> {})).isEmpty();
    assertThat(runtime.handle("room-2", "alice", new Conversations.Input(REPORT, "ev-2"), r -> {})).isPresent();
  }

  @Test
  void a_slow_live_read_in_one_conversation_does_not_block_a_turn_in_another() throws Exception {
    HeldSource source = new HeldSource();
    Conversations runtime = runtime(source);
    source.hold = true;
    CompletableFuture<Optional<ConversationState>> slow = CompletableFuture.supplyAsync(
        () -> runtime.handle("room-slow", "alice", Conversations.Input.typed(REPORT), r -> {}));
    await(source.entered);

    List<Reply> other = new CopyOnWriteArrayList<>();
    Optional<ConversationState> quick = runtime.handle("room-quick", "bob", Conversations.Input.typed("help"), other::add);

    assertThat(quick).get().extracting(ConversationState::stage).isEqualTo(Stage.AWAITING_REPORT);
    assertThat(other).isNotEmpty();
    assertThat(slow).isNotDone();
    source.release.countDown();
    assertThat(slow.get(60, TimeUnit.SECONDS)).isPresent();
  }

  @Test
  void a_failing_store_becomes_an_error_notice_and_the_saved_state_stays() {
    Conversations runtime = runtime(new HeldSource());
    runtime.handle("room-1", "alice", Conversations.Input.typed(REPORT), r -> {});
    ConversationState saved = store.byKey("room-1").orElseThrow();
    store.close();
    List<Reply> replies = new CopyOnWriteArrayList<>();

    assertThat(runtime.handle("room-1", "alice", Conversations.Input.typed("I don't know"), replies::add)).isEmpty();

    assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Say.class, s -> assertThat(s.message()
        .sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> assertThat(n.level()).isEqualTo(Section.Level.ERROR)));
    assertThat(saved.turn()).isEqualTo(1);
  }

  @Test
  void open_greets_and_saves_without_asking_for_the_engine() {
    AtomicInteger asked = new AtomicInteger();
    Conversations runtime = new Conversations(() -> {
      asked.incrementAndGet();
      throw new IllegalStateException("still loading");
    }, store, () -> "unused", Conversations.DEFAULT_LEASE, Clock.systemUTC());
    List<Reply> replies = new CopyOnWriteArrayList<>();

    Optional<ConversationState> opened = runtime.open("desk-1", "t-1", replies::add);

    assertThat(asked).hasValue(0);
    assertThat(opened).get().satisfies(s -> {
      assertThat(s.id()).isEqualTo("t-1");
      assertThat(s.stage()).isEqualTo(Stage.AWAITING_REPORT);
    });
    assertThat(store.byKey("desk-1")).isEqualTo(opened);
    assertThat(replies).hasSize(2);
    assertThat(replies.get(0)).isInstanceOf(Reply.Say.class);
    assertThat(replies.get(1)).isInstanceOf(Reply.Prompt.class);
    // the first line the person types is the first that needs the engine
    assertThat(runtime.handle("desk-1", "alice", Conversations.Input.typed(REPORT), r -> {})).isEmpty();
    assertThat(asked).hasValue(1);
  }

  @Test
  void the_engine_is_loaded_once_at_the_first_turn_and_kept() {
    AtomicInteger asked = new AtomicInteger();
    ConversationEngine engine = new ConversationEngine(new SymptomMatcher(KB), new Diagnoser(KB, RuleEngine.fromClasspath()),
        new HeldSource(), Clock.systemUTC());
    Conversations runtime = new Conversations(() -> {
      asked.incrementAndGet();
      return engine;
    }, store, () -> "unused", Conversations.DEFAULT_LEASE, Clock.systemUTC());
    runtime.open("desk-1", "t-1", r -> {});

    assertThat(runtime.handle("desk-1", "alice", Conversations.Input.typed(REPORT), r -> {})).get()
        .extracting(ConversationState::id).isEqualTo("t-1");
    assertThat(runtime.handle("desk-1", "alice", Conversations.Input.typed("I don't know"), r -> {})).isPresent();
    assertThat(asked).hasValue(1);
  }

  @Test
  void opening_a_key_that_has_a_conversation_is_an_error_notice_and_changes_nothing() {
    Conversations runtime = runtime(new HeldSource());
    runtime.handle("room-1", "alice", Conversations.Input.typed(REPORT), r -> {});
    ConversationState before = store.byKey("room-1").orElseThrow();
    List<Reply> replies = new CopyOnWriteArrayList<>();

    assertThat(runtime.open("room-1", "another", replies::add)).isEmpty();

    assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Say.class, s -> assertThat(s.message()
        .sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> assertThat(n.level()).isEqualTo(Section.Level.ERROR)));
    assertThat(store.byKey("room-1")).contains(before);
  }

  @Test
  void resume_gathers_the_facts_again_asks_the_same_question_and_saves() {
    Conversations runtime = runtime(new HeldSource());
    ConversationState before = runtime.handle("room-1", "alice", Conversations.Input.typed(REPORT), r -> {}).orElseThrow();
    List<Reply> replies = new CopyOnWriteArrayList<>();

    Optional<ConversationState> resumed = runtime(new HeldSource()).resume("room-1", replies::add);

    assertThat(resumed).get().satisfies(s -> {
      assertThat(s.id()).isEqualTo(before.id());
      assertThat(s.asking()).isEqualTo(before.asking());
    });
    assertThat(replies).anyMatch(r -> r instanceof Reply.ProgressUpdate);
    assertThat(replies.get(replies.size() - 1)).isInstanceOfSatisfying(Reply.Prompt.class,
        p -> assertThat(p.id()).isEqualTo(before.asking()));
    assertThat(store.byKey("room-1")).isEqualTo(resumed);
    List<Reply> none = new CopyOnWriteArrayList<>();
    assertThat(runtime.resume("room-unknown", none::add)).isEmpty();
    assertThat(none).singleElement().isInstanceOf(Reply.Say.class);
  }

  @Test
  void a_turn_called_off_before_it_is_saved_is_neither_saved_nor_answered() throws Exception {
    HeldSource source = new HeldSource();
    Conversations runtime = runtime(source);
    runtime.open("desk-1", "t-1", r -> {});
    ConversationState before = store.byKey("desk-1").orElseThrow();
    source.hold = true;
    Cancellation cancel = new Cancellation();
    List<Reply> replies = new CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> interruptLeft = new CompletableFuture<>();
    CompletableFuture<Optional<ConversationState>> turn = CompletableFuture.supplyAsync(() -> {
      Optional<ConversationState> out = runtime.handle("desk-1", "alice", Conversations.Input.typed(REPORT), replies::add, cancel);
      interruptLeft.complete(Thread.currentThread().isInterrupted());
      return out;
    });
    await(source.entered); // the engine waits on the facts

    assertThat(cancel.cancel()).isTrue();

    assertThat(turn.get(60, TimeUnit.SECONDS)).isEmpty();
    assertThat(cancel.cancelled()).isTrue();
    assertThat(interruptLeft.get()).as("the interrupt meant for the engine is cleared").isFalse();
    assertThat(replies).noneMatch(r -> r instanceof Reply.Prompt || r instanceof Reply.Say);
    assertThat(store.byKey("desk-1")).contains(before);
    // the conversation goes on as if the line had not been sent
    source.hold = false;
    assertThat(runtime.handle("desk-1", "alice", Conversations.Input.typed(REPORT), r -> {})).get()
        .satisfies(s -> assertThat(s.turn()).isEqualTo(before.turn() + 1));
  }

  @Test
  void a_saved_turn_can_no_longer_be_called_off() {
    Conversations runtime = runtime(new HeldSource());
    Cancellation cancel = new Cancellation();
    List<Reply> replies = new CopyOnWriteArrayList<>();

    assertThat(runtime.handle("desk-1", "alice", Conversations.Input.typed(REPORT), replies::add, cancel)).isPresent();

    assertThat(cancel.cancel()).isFalse();
    assertThat(cancel.cancelled()).isFalse();
    assertThat(replies.get(replies.size() - 1)).isInstanceOf(Reply.Prompt.class);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gave up waiting");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void replies_whose_flush_failed_stay_owed_and_resume_sends_them_once_the_lease_ran_out() {
    java.time.Instant[] now = {java.time.Instant.parse("2026-12-03T10:00:00Z")};
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return now[0];
      }
    };
    try (JdbcSessionStore timed = new JdbcSessionStore("jdbc:h2:mem:runtime-resume" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1", clock)) {
      ConversationEngine engine = new ConversationEngine(new SymptomMatcher(KB), new Diagnoser(KB, RuleEngine.fromClasspath()), READER,
          Clock.systemUTC());
      java.time.Duration lease = java.time.Duration.ofMinutes(3);
      // given: a face that gathers replies and fails to send them at the turn's end (its chat service refused)
      List<Reply> lost = new CopyOnWriteArrayList<>();
      Conversations first = new Conversations(engine, timed, () -> "c-1", lease);
      first.handle("teams:t1", "ana", new Conversations.Input(REPORT, "A1"), new Conversations.ReplySink() {
        @Override
        public void send(Reply reply) {
          lost.add(reply);
        }

        @Override
        public void flush() {
          throw new IllegalStateException("the chat service refused the replies");
        }
      });
      assertThat(lost).isNotEmpty();
      // when: another process (a restart) looks before and after the lease
      Conversations second = new Conversations(engine, timed, () -> "c-2", lease);
      List<Reply> sent = new CopyOnWriteArrayList<>();
      AtomicInteger flushes = new AtomicInteger();
      Conversations.ReplySink sink = new Conversations.ReplySink() {
        @Override
        public void send(Reply reply) {
          sent.add(reply);
        }

        @Override
        public void flush() {
          flushes.incrementAndGet();
        }
      };
      assertThat(second.stalledKeys("teams:")).as("within the lease").isEmpty();
      assertThat(second.finishLeft("teams:t1", sink)).isZero();
      now[0] = now[0].plus(lease).plusSeconds(1);
      assertThat(second.stalledKeys("teams:")).containsExactly("teams:t1");
      // then: the saved replies are sent, flushed, and the input is done
      assertThat(second.finishLeft("teams:t1", sink)).isEqualTo(1);
      assertThat(flushes.get()).isEqualTo(1);
      // (the first process said its failure after the turn's replies: an error notice, not part of the saved turn)
      assertThat(lost.get(lost.size() - 1).toString()).contains("Something went wrong");
      assertThat(sent).isEqualTo(lost.subList(0, lost.size() - 1).stream().filter(r -> !(r instanceof Reply.ProgressUpdate)).toList());
      now[0] = now[0].plus(lease.multipliedBy(2));
      assertThat(second.stalledKeys("teams:")).isEmpty();
      assertThat(second.finishLeft("teams:t1", sink)).isZero();
    }
  }
}
