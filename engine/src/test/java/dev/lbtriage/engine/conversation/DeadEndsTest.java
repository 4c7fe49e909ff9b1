package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No dead ends: resume after quit, lists that take their numbers, hedged answers, a short re-ask. */
class DeadEndsTest {
  static final String REPORT = "my health probe shows all backends down";

  @Test
  void resuming_after_quit_goes_on_with_the_question_it_stood_at() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("quit");
    assertThat(chat.state.stage()).isEqualTo(Stage.ENDED);

    Turn t = chat.engine.resume(chat.state, r -> {});
    chat.state = t.next();
    chat.last = t.replies();
    assertThat(chat.state.stage()).isEqualTo(Stage.ASKING);
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
    chat.say("why");
    assertThat(chat.state.stage()).isEqualTo(Stage.ASKING);
    chat.say("no");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("probe-port-not-listening")).isEqualTo("confirmed");
  }

  @Test
  void why_says_how_the_report_was_read_words_and_nearest_known_reports() {
    Chat chat = Chat.on("internal-basic").say(REPORT);
    chat.say("why");
    assertThat(chat.text()).contains("How I read your report: Driven by").contains("the words").contains("closest known reports");
  }

  @Test
  void resuming_a_concluded_then_quit_conversation_shows_the_conclusion_again() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no").say("quit");
    Turn t = chat.engine.resume(chat.state, r -> {});
    assertThat(t.next().stage()).isEqualTo(Stage.CONCLUDED);
    // the headline again (the findings table is one "details" away)
    assertThat(t.replies()).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(Reply.Say.class,
        x -> assertThat(x.message().title()).startsWith("Conclusion:")));
  }

  @Test
  void none_of_these_lists_every_situation_and_then_takes_the_number_typed() {
    Chat chat = Chat.on("internal-basic").say("the load balancer does not work with my scale set").say("none of these");
    assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
    assertThat(chat.prompt().orElseThrow().choices()).hasSize(Chat.KB.symptoms().size());
    chat.say("2");
    assertThat(chat.state.symptomId()).isEqualTo(Chat.KB.symptoms().get(1).id());
    assertThat(chat.text()).doesNotContain("I could not match");
  }

  @Test
  void back_at_the_list_of_every_situation_returns_to_the_candidates() {
    Chat chat = Chat.on("internal-basic").say("the load balancer does not work with my scale set").say("none of these").say("back");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONFIRMING_SYMPTOM);
    assertThat(chat.promptId()).isEqualTo(Prompts.SYMPTOM);
    chat.say("help");
    assertThat(chat.promptId()).isEqualTo(Prompts.SYMPTOM);
  }

  @Test
  void the_symptom_list_takes_the_number_of_none_of_these_and_quit() {
    Chat chat = Chat.on("internal-basic").say("the load balancer does not work with my scale set");
    assertThat(chat.promptId()).isEqualTo(Prompts.SYMPTOM);
    int none = chat.prompt().orElseThrow().choices().size();
    chat.say(String.valueOf(none));
    assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
    chat.say("quit");
    assertThat(chat.state.stage()).isEqualTo(Stage.ENDED);
  }

  @Test
  void i_think_so_is_confirmed_before_it_counts() {
    Chat chat = Chat.on("internal-basic").say(REPORT);
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    chat.say("I think so");
    assertThat(chat.promptId()).isEqualTo(Prompts.CONFIRM);
    assertThat(chat.prompt().orElseThrow().text()).startsWith("You said \"I think so\". Shall I record that as yes to \"Is the backend VM");
    assertThat(chat.state.answers()).isEmpty();
    chat.say("yes");
    assertThat(chat.state.answers()).singleElement().satisfies(a -> {
      assertThat(a.value()).isEqualTo("yes");
      assertThat(a.source()).isEqualTo(RecordedAnswer.HEDGED);
      assertThat(a.quote()).isEqualTo("I think so");
    });
  }

  @Test
  void probably_not_leans_to_no_and_no_at_the_confirmation_asks_again_in_short() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("probably not");
    assertThat(chat.prompt().orElseThrow().text()).contains("Shall I record that as no");
    chat.say("no");
    assertThat(chat.state.answers()).isEmpty();
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    assertThat(chat.prompt().orElseThrow().how()).isEmpty();
  }

  @Test
  void not_sure_and_i_guess_are_hedges_too() {
    Chat unsure = Chat.on("internal-basic").say(REPORT).say("not sure");
    assertThat(unsure.prompt().orElseThrow().text()).contains("Shall I record \"I don't know\"");
    unsure.say("yes");
    assertThat(unsure.state.answers()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo("unknown"));

    Chat guess = Chat.on("internal-basic").say(REPORT).say("I guess");
    assertThat(guess.promptId()).isEqualTo(Prompts.CONFIRM);
    guess.say("I don't know");
    assertThat(guess.state.answers()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo("unknown"));
  }

  @Test
  void a_failed_answer_gets_a_short_reask_not_the_whole_question() {
    Chat chat = Chat.on("internal-basic").say(REPORT);
    Reply.Prompt full = chat.prompt().orElseThrow();
    assertThat(full.how()).isNotEmpty();
    chat.say("the moon is made of cheese");
    Reply.Prompt again = chat.prompt().orElseThrow();
    assertThat(again.id()).isEqualTo(full.id());
    assertThat(again.text()).isEqualTo(full.text());
    assertThat(again.why()).isNull();
    assertThat(again.how()).isEmpty();
    assertThat(again.choices()).isEqualTo(full.choices());
    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> assertThat(n.text()).contains("I did not understand"));
  }

  @Test
  void the_load_balancer_list_takes_its_numbers_back_and_quit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    for (String[] ex : new String[][] {{"vm-deallocated", "web-"}, {"probe-zero-vm-not-responding", "shop-"}}) {
      try (var files = java.nio.file.Files.list(ReportAnswersConversationTest.example(ex[0]).folder())) {
        for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".json")).toList()) {
          java.nio.file.Files.copy(f, dir.resolve(ex[1] + f.getFileName()));
        }
      }
    }
    Chat chat = new Chat(new dev.lbtriage.engine.gather.snapshot.SnapshotReader(dir)).say("the health probe marks my backends down");
    assertThat(chat.promptId()).isEqualTo(Prompts.LOAD_BALANCER);
    chat.say("back");
    assertThat(chat.state.stage()).isIn(Stage.CONFIRMING_SYMPTOM, Stage.AWAITING_REPORT);
    chat.say(chat.state.stage() == Stage.CONFIRMING_SYMPTOM ? "probe-down" : "the health probe marks my backends down");
    assertThat(chat.promptId()).isEqualTo(Prompts.LOAD_BALANCER);
    String second = chat.prompt().orElseThrow().choices().get(1).value();
    chat.say("2");
    assertThat(chat.state.loadBalancer()).endsWith("/" + second);
    chat.say("restart").say("the health probe marks my backends down").say("quit");
    assertThat(chat.state.stage()).isEqualTo(Stage.ENDED);
  }
}
