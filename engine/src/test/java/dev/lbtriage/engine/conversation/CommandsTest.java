package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** why, summary, help, restart, quit, and input no person types. */
class CommandsTest {
  static final String REPORT = "my health probe shows all backends down";

  @Test
  void why_shows_the_findings_with_their_evidence_and_the_answers_given_then_asks_again() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know");

    chat.say("why?");

    assertThat(chat.sectionsOf(Section.Findings.class)).singleElement().satisfies(t -> assertThat(t.rows())
        .anySatisfy(r -> assertThat(r.evidence()).anyMatch(e -> e.contains("AllowAzureLoadBalancerInBound"))));
    assertThat(chat.text()).contains("1. vm-responds = I don't know (alice, 2026-11-25T10:00:00Z)");
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
  }

  @Test
  void summary_numbers_the_answers_and_says_what_is_awaited() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know");

    chat.say("summary");

    assertThat(chat.text()).contains("Symptom: VMs behind the load balancer", "Load balancer: lb", "1. vm-responds = I don't know",
        "waiting for your answer to probe-port-listening");
  }

  @Test
  void help_documents_the_command_grammar_and_repeats_the_prompt() {
    Chat chat = Chat.on("internal-basic").say(REPORT);

    chat.say("help");

    assertThat(chat.text()).contains("change N to ANSWER", "back", "restart", "quit", "I don't know");
    assertThat(chat.promptId()).isEqualTo("vm-responds");
  }

  @Test
  void an_ambiguous_report_asks_to_confirm_among_the_top_candidates_or_none() {
    Chat chat = Chat.on("internal-basic").say("the load balancer does not work with my scale set");

    assertThat(chat.state.stage()).isEqualTo(Stage.CONFIRMING_SYMPTOM);
    Reply.Prompt p = chat.prompt().orElseThrow();
    assertThat(p.choices()).hasSizeBetween(2, 4);
    assertThat(p.choices().get(p.choices().size() - 1).value()).isEqualTo("none");
    String second = p.choices().get(1).value();
    chat.say("2");
    assertThat(chat.state.symptomId()).isEqualTo(second);
    assertThat(chat.state.loadBalancer()).isNotNull();
  }

  @Test
  void none_of_these_lists_what_lb_triage_covers_and_asks_for_the_report_again() {
    Chat chat = Chat.on("internal-basic").say("the load balancer does not work with my scale set").say("none of these");

    assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
    assertThat(chat.text()).contains("covers 4");
    assertThat(chat.promptId()).isEqualTo("report");
  }

  @Test
  void an_out_of_scope_report_says_so_plainly_lists_the_four_symptoms_and_asks_to_rephrase() {
    Chat chat = Chat.on("internal-basic").say("SNAT exhaustion and DNS failures");

    assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
    assertThat(chat.text()).contains("does not cover", "snat", "covers 4", "1. VMs behind the load balancer", "4. ");
    assertThat(chat.promptId()).isEqualTo("report");
  }

  @Test
  void an_out_of_scope_report_gets_a_pointer_to_what_it_is_about() {
    Chat chat = Chat.on("internal-basic").say("Our VMs behind the load balancer hit SNAT port exhaustion on outbound connections");

    assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
    assertThat(chat.text()).contains("This looks like SNAT port exhaustion on outbound connections, which lb-triage does not diagnose; see");
  }

  @Test
  void a_huge_message_is_refused_and_nothing_is_lost() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know");
    ConversationState before = chat.state;

    chat.say("yes ".repeat(2_000));

    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> assertThat(n.text()).contains("8000 characters"));
    assertThat(chat.state.answers()).isEqualTo(before.answers());
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
  }

  @Test
  void binary_and_control_character_messages_are_refused_at_every_stage() {
    for (String bad : List.of("\u0000\u0001\u0002yes", "yes\u001b[2J", "\uFFFD\uFFFD", "\uD800 lone surrogate", "   ")) {
      Chat chat = Chat.on("internal-basic");
      chat.say(bad);
      assertThat(chat.sectionsOf(Section.Notice.class)).as(bad).singleElement();
      assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
      chat.say(REPORT).say(bad);
      assertThat(chat.sectionsOf(Section.Notice.class)).as(bad).singleElement();
      assertThat(chat.state.answers()).isEmpty();
      assertThat(chat.promptId()).isEqualTo("vm-responds");
    }
  }

  @Test
  void restart_drops_everything_and_quit_ends_until_restart() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know");

    chat.say("restart");
    assertThat(chat.state.stage()).isEqualTo(Stage.AWAITING_REPORT);
    assertThat(chat.state.answers()).isEmpty();
    assertThat(chat.state.symptomId()).isNull();
    assertThat(chat.state.id()).isEqualTo("s-1");

    chat.say(REPORT).say("quit");
    assertThat(chat.state.stage()).isEqualTo(Stage.ENDED);
    chat.say("yes");
    assertThat(chat.state.stage()).isEqualTo(Stage.ENDED);
    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement();
    chat.say("restart");
    assertThat(chat.promptId()).isEqualTo("report");
  }

  @Test
  void text_after_the_conclusion_is_not_taken_as_an_answer() {
    Chat chat = Chat.on("internal-basic").say(REPORT).say("I don't know").say("no");
    ConversationState before = chat.state;

    chat.say("yes");

    assertThat(chat.state.answers()).isEqualTo(before.answers());
    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement();
  }
}
