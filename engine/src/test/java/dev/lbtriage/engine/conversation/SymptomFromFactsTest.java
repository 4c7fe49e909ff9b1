package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When the words cannot tell failing probes from healthy probes with a dead data port, Health Probe
 * Status (DipAvailability per backend) decides, else what the report says of the probe, else one question.
 */
class SymptomFromFactsTest {
  /** The healthy example's own report: the matcher ranks probe-down and data-port-down close together. */
  static final String AMBIGUOUS = ReportAnswersConversationTest.example("healthy").report();

  @Test
  void the_words_are_ambiguous_between_the_two() {
    assertThat(ReportMatch.read(Chat.MATCHER, ProbeHealthVerdict.Pair.of(Chat.KB), AMBIGUOUS).verdict()).isEqualTo(ReportMatch.Verdict.PROBE_OR_DATA_PORT);
  }

  @Test
  void every_backend_at_100_percent_means_the_data_port_is_what_fails() {
    Chat chat = ReportAnswersConversationTest.on("healthy");
    chat.say("Checkout through lb-shop times out on port 80 since 10:00");
    assertThat(chat.state.symptomId()).isEqualTo("data-port-down");
    if (!chat.text().contains("This looks like")) { // the words alone were not enough: the metric decided
      assertThat(chat.text()).contains("Health Probe Status decides: every backend passes the probe",
          "DipAvailability 100% at", "172.18.0.5", "172.18.0.6");
    }
    assertThat(chat.promptId()).isNotEqualTo(Prompts.SYMPTOM);
  }

  @Test
  void every_backend_at_100_percent_does_not_turn_a_report_about_the_probe_into_a_data_port_triage() {
    Chat chat = ReportAnswersConversationTest.on("healthy");
    chat.say(AMBIGUOUS); // a probe alert that auto-resolved: the words lean to the probe
    assertThat(chat.state.symptomId()).isEqualTo("probe-down");
    assertThat(chat.text()).contains("Health Probe Status shows every backend passing the probe now", "DipAvailability 100% at",
        "Healthy: the facts show no fault on lb-shop");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
  }

  @Test
  void a_backend_below_100_percent_means_the_probes_fail() {
    Chat chat = ReportAnswersConversationTest.on("probe-zero-vm-not-responding");
    chat.say(AMBIGUOUS);
    assertThat(chat.state.symptomId()).isEqualTo("probe-down");
    assertThat(chat.text()).contains("Health Probe Status decides: a backend fails the probe", "DipAvailability 0% at");
  }

  @Test
  void without_metrics_one_question_decides_and_the_answer_picks_the_symptom() {
    Chat chat = ReportAnswersConversationTest.on("ilb-hairpin");
    chat.say("clients of lb-api cannot connect, the backends look unhealthy maybe");
    assertThat(ReportMatch.read(Chat.MATCHER, ProbeHealthVerdict.Pair.of(Chat.KB), "clients of lb-api cannot connect, the backends look unhealthy maybe").verdict())
        .isEqualTo(ReportMatch.Verdict.PROBE_OR_DATA_PORT);
    assertThat(chat.promptId()).isEqualTo(Prompts.SYMPTOM);
    assertThat(chat.prompt().orElseThrow().text()).isEqualTo("Does Health Probe Status show the backends healthy?");
    assertThat(chat.prompt().orElseThrow().choices()).extracting(Reply.Choice::value)
        .containsExactly("data-port-down", "probe-down", "I don't know");

    chat.say("yes");
    assertThat(chat.state.symptomId()).isEqualTo("data-port-down");
  }

  @Test
  void no_means_failing_probes_and_i_dont_know_shows_the_list_which_takes_its_numbers() {
    Chat no = ReportAnswersConversationTest.on("ilb-hairpin");
    no.say("clients of lb-api cannot connect, the backends look unhealthy maybe").say("no");
    assertThat(no.state.symptomId()).isEqualTo("probe-down");

    Chat unsure = ReportAnswersConversationTest.on("ilb-hairpin");
    unsure.say("clients of lb-api cannot connect, the backends look unhealthy maybe").say("I don't know");
    assertThat(unsure.promptId()).isEqualTo(Prompts.SYMPTOM);
    assertThat(unsure.state.asking()).isEqualTo(Prompts.SYMPTOM_LIST);
    String second = unsure.state.candidates().get(1).symptomId();
    unsure.say("2");
    assertThat(unsure.state.symptomId()).isEqualTo(second);
  }

  @Test
  void what_the_report_says_of_the_probe_decides_when_there_is_no_metric() {
    Chat chat = ReportAnswersConversationTest.on("public-standard-nsg-blocks-clients");
    chat.say(ReportAnswersConversationTest.example("public-standard-nsg-blocks-clients").report());
    assertThat(chat.state.symptomId()).isEqualTo("data-port-down");
    assertThat(chat.text()).contains("You said \"Health probe is green for the backend (172.20.2.4)\": I take that as healthy probes");
  }

  @Test
  void back_after_the_metrics_decided_returns_to_the_choice() {
    Chat chat = ReportAnswersConversationTest.on("healthy");
    chat.say(AMBIGUOUS).say("back");
    assertThat(chat.state.stage()).isEqualTo(Stage.CONFIRMING_SYMPTOM);
    assertThat(chat.state.symptomId()).isNull();
    chat.say("probe-down");
    assertThat(chat.state.symptomId()).isEqualTo("probe-down");
  }
}
