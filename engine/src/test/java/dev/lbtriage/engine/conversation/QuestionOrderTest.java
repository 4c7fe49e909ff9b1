package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Best question first: fact-backed suspicions lead, then the question that splits the causes best. */
class QuestionOrderTest {

  @Test
  void the_route_the_facts_point_at_leads_to_the_question_that_bears_on_it() {
    Chat chat = ReportAnswersConversationTest.on("udr-virtual-appliance");
    chat.say(ReportAnswersConversationTest.example("udr-virtual-appliance").report());
    ReportAnswersConversationTest.pickIfAsked(chat, "probe-down");
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    chat.say("why");
    assertThat(chat.findings().rows()).filteredOn(r -> r.cause().equals("probe-misconfigured")).singleElement()
        .satisfies(r -> assertThat(r.status().id()).isEqualTo("suspected"));
    var d = Chat.DIAGNOSER.diagnose(new FactCache(new dev.lbtriage.engine.gather.snapshot.SnapshotReader(
        ReportAnswersConversationTest.example("udr-virtual-appliance").folder())).get(chat.state.loadBalancer(), r -> {}),
        chat.state.loadBalancer(), "probe-down", null, java.util.List.of());
    assertThat(d.findings()).filteredOn(f -> f.cause().equals("probe-misconfigured")).singleElement()
        .satisfies(f -> assertThat(QuestionOrder.factBacked(f)).isTrue());
    assertThat(d.findings()).filteredOn(f -> f.cause().equals("probe-port-blocked")).singleElement()
        .satisfies(f -> assertThat(QuestionOrder.factBacked(f)).as("an NSG that allows narrows, it does not point").isFalse());
    var symptom = Chat.KB.symptom("probe-down").orElseThrow();
    var vmResponds = d.questions().stream().filter(q -> q.id().equals("vm-responds")).findFirst().orElseThrow();
    assertThat(QuestionOrder.causesOf(vmResponds, symptom)).contains("vm-unhealthy", "probe-misconfigured");
  }

  @Test
  void the_question_whose_answers_decide_more_causes_comes_first() {
    Chat chat = ReportAnswersConversationTest.on("healthy");
    chat.say("Clients of lb-shop get timeouts on port 80, not sure about the probe.");
    if (Prompts.SYMPTOM.equals(chat.promptId())) {
      chat.say("data-port-down");
    }
    assertThat(chat.state.symptomId()).isEqualTo("data-port-down");
    // client-ip decides data-port-blocked, same-vm-and-nic and ilb-hairpin; data-port-listening only its own cause
    assertThat(chat.promptId()).isEqualTo("client-ip");
  }

  @Test
  void without_leads_equal_splits_keep_the_knowledge_base_order() {
    Chat chat = ReportAnswersConversationTest.on("probe-zero-vm-not-responding");
    chat.say("lb-shop health probe is down for 172.18.0.5");
    assertThat(chat.promptId()).isEqualTo("vm-responds");
    chat.say("I don't know");
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
  }
}
