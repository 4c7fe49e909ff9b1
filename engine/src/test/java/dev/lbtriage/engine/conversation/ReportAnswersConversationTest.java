package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report counts: its statements become answers once the user confirms them, are cited as the
 * user's words, and the questions they answer are not asked. Real engine, real rules, bundled examples.
 */
class ReportAnswersConversationTest {
  static Scenario example(String name) {
    return ScenarioReader.readAll(Path.of("..", "examples")).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** The matcher is confident only where real reports show it can be: when it asks, pick as the reporter would. */
  static void pickIfAsked(Chat chat, String symptomId) {
    if ("symptom".equals(chat.promptId())) {
      boolean healthQuestion = chat.prompt().orElseThrow().text().contains("Health Probe Status");
      chat.say(healthQuestion ? (symptomId.equals("probe-down") ? "no" : "yes") : symptomId);
    }
  }

  static Chat on(String example) {
    return new Chat(new SnapshotReader(example(example).folder()));
  }

  /** Answers every question with "I don't know" until the conclusion; the ids asked, in order. */
  static List<String> untilConcluded(Chat chat) {
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 20 && chat.state.stage() == Stage.ASKING; i++) {
      asked.add(chat.promptId());
      chat.say("I don't know");
    }
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    return asked;
  }

  /** A report like the udr example's, about lb-shop, whose HTTP probe watches the port the rule serves (80). */
  static final String SHOP_REPORT = "After the hub firewall project went live, lb-shop marks 172.18.0.5 unhealthy. "
      + "The VMs run, IIS answers locally on the box, and the NSG was not touched.";

  @Test
  void the_report_is_shown_once_to_confirm_then_its_answer_is_not_asked_and_is_cited_as_the_users_words() {
    Chat chat = on("probe-zero-vm-not-responding");
    chat.say(SHOP_REPORT);

    assertThat(chat.promptId()).isEqualTo(Prompts.CONFIRM);
    String text = chat.prompt().orElseThrow().text();
    assertThat(text).contains("You said \"The VMs run, IIS answers locally on the box\": I take that as yes to "
        + "\"On the backend VM, is an application listening on the probe port 80?\"");
    assertThat(text).contains("\"the NSG was not touched\": I look last at", "I look first at: another misconfiguration");
    assertThat(text).doesNotContain("{", "<");

    chat.say("yes");
    assertThat(chat.state.answers()).singleElement().satisfies(a -> {
      assertThat(a.question()).isEqualTo("probe-port-listening");
      assertThat(a.value()).isEqualTo("yes");
      assertThat(a.source()).isEqualTo(RecordedAnswer.REPORT);
      assertThat(a.fromReport()).isTrue();
      assertThat(a.quote()).isEqualTo("The VMs run, IIS answers locally on the box");
      assertThat(a.by()).isEqualTo("alice");
    });
    assertThat(chat.promptId()).isEqualTo("vm-responds");

    List<String> asked = untilConcluded(chat);
    assertThat(asked).doesNotContain("probe-port-listening", Prompts.CONFIRM);
    assertThat(chat.findings().rows()).filteredOn(r -> r.cause().equals("probe-port-not-listening")).singleElement()
        .satisfies(r -> {
          assertThat(r.status().id()).isEqualTo("ruled-out");
          assertThat(r.evidence()).anySatisfy(e -> assertThat(e)
              .isEqualTo("answer probe-port-listening = yes (your report: \"The VMs run, IIS answers locally on the box\", "
                  + "confirmed by alice)"));
        });
  }

  @Test
  void when_the_probe_watches_another_port_than_the_application_serves_answers_locally_is_only_a_hint() {
    Chat chat = on("udr-virtual-appliance");
    chat.say(example("udr-virtual-appliance").report());
    pickIfAsked(chat, "probe-down");
    // probe tcpProbe1 watches port 25, rule1 sends to port 82: IIS answering says nothing firm about port 25
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    assertThat(chat.text()).contains("Hints from your report", "a hint that the answer to probe-port-listening is yes (I still ask it)",
        "I look first at: another misconfiguration");
    assertThat(chat.state.answers()).isEmpty();
  }

  @Test
  void the_confirmation_is_shown_again_in_full_after_a_command_or_an_unclear_reply() {
    Chat chat = on("probe-zero-vm-not-responding");
    chat.say(SHOP_REPORT).say("why");
    assertThat(chat.promptId()).isEqualTo(Prompts.CONFIRM);
    assertThat(chat.prompt().orElseThrow().text()).contains("1. You said \"The VMs run, IIS answers locally on the box\"");
    chat.say("maybe later");
    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> assertThat(n.text()).contains("yes or no"));
    assertThat(chat.prompt().orElseThrow().text()).contains("I take that as yes to");
    assertThat(chat.state.answers()).isEmpty();
  }

  @Test
  void no_at_the_confirmation_takes_nothing_from_the_report_and_asks_instead() {
    Chat chat = on("probe-zero-vm-not-responding");
    chat.say(SHOP_REPORT).say("no");
    assertThat(chat.state.answers()).isEmpty();
    assertThat(chat.state.pending()).isEmpty();
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    chat.say("yes");
    assertThat(untilConcluded(chat)).doesNotContain(Prompts.CONFIRM);
  }

  @Test
  void a_negated_report_confirms_the_cause_without_a_single_question() {
    Chat chat = on("probe-zero-vm-not-responding");
    chat.say("Checkout on lb-shop fails for half the calls since 10:02. Health probe status is 0 for 172.18.0.5. "
        + "The VM vm-shop-1 does not answer a TCP ping on 172.18.0.5:80 from vm-shop-2.");
    assertThat(chat.promptId()).isEqualTo(Prompts.CONFIRM);
    assertThat(chat.prompt().orElseThrow().text()).contains("I take that as no to \"Is the backend VM vm-shop-1 up, healthy, and does it "
        + "answer a TCP ping on 172.18.0.5:80");
    chat.say("yes");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("vm-unhealthy")).isEqualTo("confirmed");
    assertThat(chat.findings().rows()).filteredOn(r -> r.cause().equals("vm-unhealthy")).singleElement()
        .satisfies(r -> assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("answer vm-responds = no (your report: \"The VM "
            + "vm-shop-1 does not answer a TCP ping on 172.18.0.5:80 from vm-shop-2\"")));
  }

  @Test
  void a_report_with_leads_only_says_so_and_asks_without_a_confirmation() {
    Chat chat = on("probe-zero-vm-not-responding");
    chat.say(example("probe-zero-vm-not-responding").report());
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    assertThat(chat.text()).contains("Hints from your report", "\"Both VMs show Running\"");
    assertThat(chat.state.pending()).isEmpty();
  }

  @Test
  void the_ilb_report_says_the_caller_is_a_backend_and_that_decides_the_hairpin() {
    Chat chat = on("ilb-hairpin");
    chat.say(example("ilb-hairpin").report());
    if (Prompts.SYMPTOM.equals(chat.promptId())) {
      chat.say("data-port-down");
    }
    assertThat(chat.promptId()).isEqualTo(Prompts.CONFIRM);
    assertThat(chat.prompt().orElseThrow().text()).contains("\"The job runs on one of the API backends\": I take that as yes to "
        + "\"Does the failing caller run on a VM that is itself in the backend pool of lb-api?\"");
    chat.say("yes");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("ilb-hairpin")).isEqualTo("confirmed");
  }

  @Test
  void states_saved_before_sources_existed_load_with_typed_answers() throws Exception {
    Chat chat = on("probe-zero-vm-not-responding");
    chat.say(SHOP_REPORT).say("yes");
    var m = new com.fasterxml.jackson.databind.ObjectMapper();
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(dev.lbtriage.engine.session.StateJson.write(chat.state));
    assertThat(dev.lbtriage.engine.session.StateJson.read(m.writeValueAsString(node))).isEqualTo(chat.state);
    node.remove("pending");
    node.remove("inside");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("answers").get(0)).remove("source");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("answers").get(0)).remove("quote");
    ConversationState old = dev.lbtriage.engine.session.StateJson.read(m.writeValueAsString(node));
    assertThat(old.pending()).isEmpty();
    assertThat(old.inside()).isNull();
    assertThat(old.answers()).singleElement().satisfies(a -> assertThat(a.source()).isEqualTo(RecordedAnswer.TYPED));
  }
}
