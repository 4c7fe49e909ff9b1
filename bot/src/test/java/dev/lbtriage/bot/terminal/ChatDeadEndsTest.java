package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.app.Engines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.session.DataLocation;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No dead ends in the terminal: {@code chat --resume} after {@code quit} goes on; the example list
 * takes {@code back} and {@code quit}; Ctrl-C at a prompt says how to leave; "Check from here" on a
 * snapshot only once the user says this machine is inside the network. Child processes through
 * stdin and stdout, and the real {@link ChatLoop} in process for Ctrl-C.
 */
class ChatDeadEndsTest {
  private static final String VM_QUESTION = "Is the backend VM vm-shop-1 up";
  @TempDir Path tmp;

  private String db() {
    return DataLocation.h2File(tmp.resolve("sessions"));
  }

  private static Path shop() {
    return BundledExamples.find("probe-zero-vm-not-responding").orElseThrow().folder();
  }

  @Test
  void resumeAfterQuitGoesOnUntilTheConclusion() throws Exception {
    try (Child first = Child.start(tmp, "chat", "--snapshot", shop().toString(), "--db", db())) {
      first.await(ChatLoop.YOU);
      first.type("lb-shop health probe is down for 172.18.0.5");
      first.await(VM_QUESTION);
      first.await(ChatLoop.YOU);
      first.type("quit");
      first.await("Ended.");
      first.endInput();
      assertThat(first.exit()).isZero();
    }
    try (Child resumed = Child.start(tmp, "chat", "--resume", "--db", db())) {
      resumed.await("going on where it stood");
      resumed.await(VM_QUESTION);
      resumed.await(ChatLoop.YOU);
      resumed.type("why");
      resumed.await("Evidence so far");
      resumed.await(ChatLoop.YOU);
      resumed.type("no");
      resumed.await("Conclusion:");
      resumed.await(ChatLoop.YOU);
      resumed.endInput();
      assertThat(resumed.exit()).isZero();
    }
    try (JdbcSessionStore store = new JdbcSessionStore(db(), Clock.systemUTC())) {
      assertThat(store.latest().orElseThrow().stage()).isEqualTo(Stage.CONCLUDED);
    }
  }

  @Test
  void theExampleListTakesBackAndQuit() throws Exception {
    try (Child chat = Child.start(tmp, "chat", "--db", db())) {
      chat.await("Which example scenario shall we triage?");
      chat.await(ChatLoop.YOU);
      chat.type("back");
      chat.await("There is nothing before this list");
      chat.await(ChatLoop.YOU);
      chat.type("quit");
      chat.await("Bye.");
      assertThat(chat.exit()).isZero();
      assertThat(chat.out()).doesNotContain("Please pick one");
    }
  }

  @Test
  void onASnapshotCheckFromHereIsOfferedOnlyOnceTheUserSaysThisMachineIsInside() throws Exception {
    try (Child chat = Child.start(tmp, "chat", "--snapshot", shop().toString(), "--db", db())) {
      chat.await(ChatLoop.YOU);
      chat.type("lb-shop health probe is down for 172.18.0.5");
      String question = chat.await(VM_QUESTION);
      String rest = chat.await(ChatLoop.YOU);
      assertThat(question + rest).doesNotContain("Check from here");
      chat.type("check");
      chat.await("inside lb-shop's virtual network");
      chat.await(ChatLoop.YOU);
      chat.type("no");
      chat.await("Noted: no checks from here");
      chat.await(ChatLoop.YOU);
      chat.endInput();
      assertThat(chat.exit()).isZero();
    }
    try (Child chat = Child.start(tmp, "chat", "--snapshot", shop().toString(), "--inside-network", "--db", db())) {
      chat.await(ChatLoop.YOU);
      chat.type("lb-shop health probe is down for 172.18.0.5");
      chat.await(VM_QUESTION);
      assertThat(chat.await(ChatLoop.YOU)).contains("Check from here: this machine (");
      chat.endInput();
      assertThat(chat.exit()).isZero();
    }
  }

  @Test
  void liveChecksAreGatedOnASnapshotAndSayWhereTheyRunFromOnLiveFacts() {
    var snapshot = new dev.lbtriage.engine.gather.snapshot.SnapshotReader(shop());
    assertThat(Engines.runner(snapshot, false).needsInside()).isTrue();
    assertThat(Engines.runner(snapshot, true).needsInside()).isFalse();
    dev.lbtriage.engine.gather.FactSource live = new dev.lbtriage.engine.gather.FactSource() {
      @Override
      public List<dev.lbtriage.engine.gather.LoadBalancerSummary> loadBalancers() {
        return List.of();
      }

      @Override
      public dev.lbtriage.rules.facts.AzureFacts gather(String lb, dev.lbtriage.engine.gather.Progress progress) {
        throw new IllegalArgumentException("none");
      }

      @Override
      public String describe() {
        return "Azure subscription s";
      }
    };
    assertThat(Engines.runner(live, false).needsInside()).isFalse();
    assertThat(Engines.runner(live, false).origin()).startsWith("this machine (").endsWith(")");
  }

  /** Lines from a list; Ctrl-C where the list holds null. */
  static final class ScriptedInput implements LineSource {
    final Deque<String> lines = new ArrayDeque<>();

    ScriptedInput(List<String> script) {
      script.forEach(l -> lines.add(l == null ? "\u0003" : l));
    }

    @Override
    public String readLine(String prompt) {
      String l = lines.poll();
      if ("\u0003".equals(l)) {
        throw new Cancelled();
      }
      return l;
    }

    @Override
    public boolean interactive() {
      return false;
    }

    @Override
    public void close() {}
  }

  @Test
  void ctrlCAtAPromptSaysHowToLeave() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    ConversationEngine engine = Engines.over(shop());
    try (JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:ctrlc;DB_CLOSE_DELAY=-1", Clock.systemUTC())) {
      ChatLoop loop = new ChatLoop(Engines.conversations(() -> engine, store), "test", out, TerminalRenderer.plain(), "alice");
      assertThat(loop.open("t-1")).isTrue();
      java.util.ArrayList<String> script = new java.util.ArrayList<>();
      script.add(null);
      script.add("quit");
      loop.run(new ScriptedInput(script));
      loop.close();
      assertThat(loop.state().stage()).isEqualTo(Stage.ENDED);
    }
    out.flush();
    assertThat(text.toString()).contains("note: To leave, type \"quit\"", "or press Ctrl-D");
  }

  /** Reads the facts of {@link #shop()}, but waits in the read until interrupted (a live read that hangs). */
  static final class HangingSource implements dev.lbtriage.engine.gather.FactSource {
    final dev.lbtriage.engine.gather.snapshot.SnapshotReader reader = new dev.lbtriage.engine.gather.snapshot.SnapshotReader(shop());
    final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);

    @Override
    public List<dev.lbtriage.engine.gather.LoadBalancerSummary> loadBalancers() {
      return reader.loadBalancers();
    }

    @Override
    public dev.lbtriage.rules.facts.AzureFacts gather(String lb, dev.lbtriage.engine.gather.Progress progress) {
      entered.countDown();
      try {
        new java.util.concurrent.CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the read was interrupted");
    }

    @Override
    public String describe() {
      return reader.describe();
    }
  }

  /** Lines from a list, typed at a terminal: Ctrl-C while a turn runs is whatever the chat registered. */
  static final class TerminalScript implements LineSource {
    final Deque<String> lines = new ArrayDeque<>();
    volatile Runnable onCtrlC;

    TerminalScript(List<String> script) {
      lines.addAll(script);
    }

    @Override
    public String readLine(String prompt) {
      return lines.poll();
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public AutoCloseable onInterrupt(Runnable onCancel) {
      onCtrlC = onCancel;
      return () -> onCtrlC = null;
    }

    @Override
    public void close() {}
  }

  @Test
  void ctrlCWhileATurnReadsTheFactsCallsItOffAndTheLineIsNotUsed() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    HangingSource source = new HangingSource();
    ConversationEngine engine = Engines.over(source);
    try (JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:ctrlc-turn;DB_CLOSE_DELAY=-1", Clock.systemUTC())) {
      ChatLoop loop = new ChatLoop(Engines.conversations(() -> engine, store), "desk", out, TerminalRenderer.plain(), "alice");
      assertThat(loop.open("t-2")).isTrue();
      TerminalScript script = new TerminalScript(List.of("lb-shop health probe is down for 172.18.0.5", "quit"));
      Thread ctrlC = new Thread(() -> {
        try {
          source.entered.await();
          while (script.onCtrlC == null) {
            Thread.onSpinWait();
          }
          script.onCtrlC.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      ctrlC.start();
      loop.run(script);
      ctrlC.join();
      loop.close();

      assertThat(loop.state().stage()).isEqualTo(Stage.ENDED);
      assertThat(store.byKey("desk").orElseThrow().report()).as("the line called off was not used").isNull();
      assertThat(store.byKey("desk").orElseThrow().turn()).isEqualTo(1);
    }
    out.flush();
    assertThat(text.toString()).contains("note: Cancelled; that line was not used.").doesNotContain("went wrong", "That turn failed");
  }
}
