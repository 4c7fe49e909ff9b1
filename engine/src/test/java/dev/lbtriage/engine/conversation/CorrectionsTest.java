package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad answers, "I don't know", back, change: the conversation corrects course and loses nothing. */
class CorrectionsTest {
  static final String REPORT = "my health probe shows all backends down";

  @Test
  void an_unrecognised_answer_gets_a_notice_with_the_accepted_forms_and_the_same_question_again() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know");
    ConversationState before = chat.state;

    chat.say("the moon is made of cheese");

    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(Section.Level.WARNING);
      assertThat(n.text()).contains("answer yes or no");
    });
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
    assertThat(chat.state.answers()).isEqualTo(before.answers());
    assertThat(chat.state.turn()).isEqualTo(before.turn() + 1);
  }

  @Test
  void i_dont_know_keeps_the_cause_suspected_and_moves_on_to_the_next_question() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("I don't know");

    assertThat(chat.text()).contains("you don't know");
    assertThat(chat.promptId()).isEqualTo("guest-firewall-allows-probe");
    chat.say("dunno");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("probe-port-not-listening")).isEqualTo("suspected");
    assertThat(chat.status("probe-port-blocked")).isEqualTo("suspected");
    assertThat(chat.state.answers()).extracting(RecordedAnswer::value).containsExactly("unknown", "unknown", "unknown");
  }

  @Test
  void changing_an_answer_by_question_id_changes_the_conclusion() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no");
    assertThat(chat.status("probe-port-not-listening")).isEqualTo("confirmed");

    chat.say("change probe-port-listening to yes");

    assertThat(chat.state.answers()).extracting(RecordedAnswer::question, RecordedAnswer::value)
        .contains(org.assertj.core.groups.Tuple.tuple("probe-port-listening", "yes"));
    assertThat(chat.promptId()).isEqualTo("guest-firewall-allows-probe");
    chat.say("no, it blocks 80");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("probe-port-not-listening")).isEqualTo("ruled-out");
    assertThat(chat.status("probe-port-blocked")).isEqualTo("confirmed");
  }

  @Test
  void changing_an_answer_by_its_number_replaces_it_in_place() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no");

    chat.say("change 2 yes");

    assertThat(chat.state.answers()).extracting(RecordedAnswer::value).containsExactly("unknown", "yes");
  }

  @Test
  void a_change_that_cannot_be_read_changes_nothing() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no");
    ConversationState before = chat.state;

    chat.say("change 7 to yes").say("change probe-port-listening to banana");

    assertThat(chat.state.answers()).isEqualTo(before.answers());
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
  }

  @Test
  void back_takes_back_the_last_answer_and_asks_that_question_again() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no");

    chat.say("back");

    assertThat(chat.state.answers()).extracting(RecordedAnswer::question).containsExactly("vm-responds");
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
    assertThat(chat.state.stage()).isEqualTo(Stage.ASKING);
  }

  @Test
  void change_without_an_answer_forgets_it_and_asks_again() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("I don't know");

    chat.say("change 2");

    assertThat(chat.state.answers()).extracting(RecordedAnswer::question).containsExactly("vm-responds");
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
  }

  @Test
  void forgetting_an_answer_the_others_make_unnecessary_says_so_and_concludes_again() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no");

    chat.say("change 1");

    assertThat(chat.state.answers()).extracting(RecordedAnswer::question).containsExactly("probe-port-listening");
    assertThat(chat.text()).contains("vm-responds is not needed any more");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
  }
}
