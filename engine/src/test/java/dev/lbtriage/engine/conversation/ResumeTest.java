package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.StateJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conversation saved as JSON and picked up by another engine (another process) goes on where it stopped. */
class ResumeTest {

  @Test
  void a_resumed_conversation_gathers_the_facts_again_and_repeats_the_question_it_was_at() {
    Chat first = Chat.on("internal-basic").say("my health probe shows all backends down").say("I don't know");
    ConversationState saved = StateJson.read(StateJson.write(first.state));
    assertThat(saved).isEqualTo(first.state);

    Chat second = Chat.on("internal-basic");
    List<Reply> live = new ArrayList<>();
    Turn t = second.engine.resume(saved, live::add);

    assertThat(live).isNotEmpty();
    assertThat(t.next()).isEqualTo(saved);
    assertThat(Chat.sectionsOf(t.replies(), Section.Notice.class)).isEmpty();
    assertThat(t.replies().get(t.replies().size() - 1)).isInstanceOfSatisfying(Reply.Prompt.class,
        p -> assertThat(p.id()).isEqualTo("probe-port-listening"));
    second.state = t.next();
    second.say("no");
    assertThat(second.status("probe-port-not-listening")).isEqualTo("confirmed");
  }

  @Test
  void resuming_from_another_fact_source_warns_that_the_findings_may_differ() {
    Chat first = Chat.on("public-basic-internet").say("my health probe shows all backends down");
    ConversationEngine other = new ConversationEngine(Chat.MATCHER, Chat.DIAGNOSER,
        new SnapshotReader(Chat.snapshot("public-basic-internet-az")), Chat.CLOCK);

    Turn t = other.resume(first.state, r -> {});

    assertThat(Chat.sectionsOf(t.replies(), Section.Notice.class))
        .anySatisfy(n -> assertThat(n.text()).contains("public-basic-internet-az", "may differ"));
    assertThat(t.replies().get(t.replies().size() - 1)).isInstanceOf(Reply.Prompt.class);
  }

  @Test
  void resuming_where_the_load_balancer_is_gone_asks_for_one_again() {
    Chat first = Chat.on("internal-basic").say("my health probe shows all backends down");
    ConversationEngine other = new ConversationEngine(Chat.MATCHER, Chat.DIAGNOSER,
        new SnapshotReader(Chat.snapshot("broken")), Chat.CLOCK);
    ConversationState moved = first.state.withLoadBalancer(first.state.loadBalancer() + "-gone", first.state.factSource());

    Turn t = other.resume(moved, r -> {});

    assertThat(t.next().stage()).isEqualTo(Stage.CHOOSING_LOAD_BALANCER);
    assertThat(t.next().answers()).isEqualTo(moved.answers());
    assertThat(Chat.sectionsOf(t.replies(), Section.Notice.class)).isNotEmpty();
  }
}
