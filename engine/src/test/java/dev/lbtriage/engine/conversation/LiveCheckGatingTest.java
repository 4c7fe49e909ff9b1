package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On a snapshot, "Check from here" is off until the user says this machine is inside the network; the prompt says from where. */
class LiveCheckGatingTest {

  /** A fake runner over a snapshot: checks need the user to say this machine is inside. */
  static final class SnapshotRunner implements LiveCheckRunner {
    final LiveCheckConversationTest.FakeRunner inner = new LiveCheckConversationTest.FakeRunner(true);

    @Override
    public Optional<LiveCheck> tcp(String host, int port) {
      return inner.tcp(host, port);
    }

    @Override
    public boolean needsInside() {
      return true;
    }

    @Override
    public String origin() {
      return "this machine (laptop-7)";
    }
  }

  static Chat at(LiveCheckRunner runner) {
    Chat chat = new Chat(new SnapshotReader(Chat.snapshot("internal-basic")), runner).say("my health probe shows all backends down");
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    return chat;
  }

  @Test
  void on_a_snapshot_the_check_is_not_offered_and_asking_for_it_asks_where_this_machine_is() {
    SnapshotRunner runner = new SnapshotRunner();
    Chat chat = at(runner);
    assertThat(chat.prompt().orElseThrow().choices()).extracting(Reply.Choice::value).doesNotContain("check");

    chat.say("check");
    assertThat(runner.inner.contacted).isEmpty();
    assertThat(chat.promptId()).isEqualTo(Prompts.INSIDE);
    assertThat(chat.prompt().orElseThrow().text()).startsWith("Is this machine (laptop-7) inside lb's virtual network");

    chat.say("yes");
    assertThat(chat.state.inside()).isTrue();
    assertThat(runner.inner.contacted).isNotEmpty();
    assertThat(chat.state.checks()).allSatisfy(c -> assertThat(c.question()).isEqualTo("vm-responds"));
    assertThat(chat.text()).contains("Live check from this machine (laptop-7)");
  }

  @Test
  void outside_the_network_no_check_is_run_and_the_question_stays() {
    SnapshotRunner runner = new SnapshotRunner();
    Chat chat = at(runner).say("check").say("no");
    assertThat(chat.state.inside()).isFalse();
    assertThat(runner.inner.contacted).isEmpty();
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    chat.say("check");
    assertThat(runner.inner.contacted).isEmpty();
    assertThat(chat.text()).contains("outside the load balancer's network");
  }

  @Test
  void once_inside_is_known_the_check_is_offered_with_where_it_runs_from() {
    Chat chat = at(new SnapshotRunner()).say("change check-from-inside to yes");
    assertThat(chat.state.inside()).isTrue();
    assertThat(chat.prompt().orElseThrow().choices()).anySatisfy(c -> {
      assertThat(c.value()).isEqualTo("check");
      assertThat(c.label()).isEqualTo("Check from here: this machine (laptop-7)");
    });
  }
}
