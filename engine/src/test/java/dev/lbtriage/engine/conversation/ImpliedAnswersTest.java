package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.model.AnswerKind;
import dev.lbtriage.kb.model.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An answer that implies another is not asked again; the implications are KB data ({@code implies:}), checked against the KB. */
class ImpliedAnswersTest {
  /** The implications the bundled KB declares. */
  static final Implications RULES = Implications.of(Chat.KB);

  @Test
  void a_tcp_answer_on_the_probe_port_means_the_listening_question_is_not_asked() {
    Chat chat = ReportAnswersConversationTest.on("probe-zero-vm-not-responding");
    chat.say(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").report());
    assertThat(chat.promptId()).isEqualTo("vm-responds");

    chat.say("yes, it answers a TCP ping on 172.18.0.5:80");

    assertThat(chat.text()).contains("Noted: vm-responds = yes. That also answers probe-port-listening (yes): a TCP answer on the "
        + "probe port means something listens on it.");
    assertThat(chat.promptId()).isNotEqualTo("probe-port-listening");
    List<String> asked = ReportAnswersConversationTest.untilConcluded(chat);
    assertThat(asked).doesNotContain("probe-port-listening");
    assertThat(chat.findings().rows()).filteredOn(r -> r.cause().equals("probe-port-not-listening")).singleElement()
        .satisfies(r -> {
          assertThat(r.status().id()).isEqualTo("ruled-out");
          assertThat(r.evidence()).contains("answer probe-port-listening = yes (implied: a TCP answer on the probe port means something "
              + "listens on it, from the answer to vm-responds)");
        });
    assertThat(Questioning.answered(chat.state, "probe-port-listening")).isFalse();
  }

  @Test
  void an_answer_given_to_the_question_itself_wins_over_an_implied_one() {
    Chat chat = ReportAnswersConversationTest.on("probe-zero-vm-not-responding");
    chat.say(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").report()).say("yes");
    chat.say("change probe-port-listening to no");
    assertThat(Answers.effective(chat.state, RULES)).filteredOn(a -> a.question().equals("probe-port-listening")).singleElement()
        .satisfies(a -> assertThat(a.value()).isEqualTo("no"));
  }

  @Test
  void taking_back_the_answer_takes_back_what_it_implied() {
    Chat chat = ReportAnswersConversationTest.on("probe-zero-vm-not-responding");
    chat.say(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").report()).say("yes").say("back");
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    assertThat(Answers.answered(chat.state, RULES, "probe-port-listening")).isFalse();
  }

  @Test
  void a_live_check_that_connected_on_the_probe_port_implies_something_listens() {
    Chat chat = new Chat(new SnapshotReader(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").folder()),
        new LiveCheckConversationTest.FakeRunner(true));
    chat.say(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").report());
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    chat.say("check");
    assertThat(chat.state.checks()).isNotEmpty();
    assertThat(Answers.implied(chat.state, RULES, "probe-port-listening")).hasValueSatisfying(i -> assertThat(i.from()).isEqualTo("check"));
    assertThat(Answers.implied(chat.state, RULES, "vm-responds")).hasValueSatisfying(i -> assertThat(i.value()).isEqualTo("yes"));
    for (int i = 0; i < 10 && chat.state.stage() == Stage.ASKING; i++) {
      assertThat(chat.promptId()).isNotIn("probe-port-listening", "vm-responds");
      chat.say("I don't know");
    }
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("vm-unhealthy")).isEqualTo("ruled-out");
  }

  @Test
  void a_silent_live_check_implies_nothing() {
    Chat chat = new Chat(new SnapshotReader(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").folder()),
        new LiveCheckConversationTest.FakeRunner(false));
    chat.say(ReportAnswersConversationTest.example("probe-zero-vm-not-responding").report()).say("check");
    assertThat(chat.state.checks()).isNotEmpty().allSatisfy(x -> assertThat(x.received()).isZero());
    assertThat(RULES.of(chat.state.answers(), chat.state.checks())).isEmpty();
    assertThat(chat.promptId()).isEqualTo("vm-responds");
  }

  @Test
  void every_implication_names_questions_of_the_knowledge_base_with_values_they_take() {
    assertThat(RULES.answers()).isNotEmpty();
    for (Implications.Implication i : RULES.answers()) {
      Question from = Chat.KB.question(i.question()).orElseThrow();
      Question to = Chat.KB.question(i.implied()).orElseThrow();
      assertThat(from.answer()).isEqualTo(AnswerKind.YES_NO);
      assertThat(to.answer()).isEqualTo(AnswerKind.YES_NO);
      assertThat(List.of("yes", "no")).contains(i.value(), i.impliedValue());
      assertThat(i.reason()).isNotBlank();
    }
    for (Implications.CheckImplication i : RULES.checks()) {
      assertThat(CheckTargets.checkable(Chat.KB, i.checkedFor())).isTrue();
      assertThat(Chat.KB.question(i.implied())).isPresent();
    }
  }
}
