package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example under {@code examples/} as a conversation: its report typed as is, a confirmation or
 * a load balancer picked only if asked, every question answered from its {@code answers} (or "I
 * don't know" when the scenario has none), until the conclusion shows what {@code expect} says.
 */
class ExampleConversationsTest {
  static final int MAX_TURNS = 20;

  static Stream<Scenario> examples() {
    List<Scenario> all = ScenarioReader.readAll(Path.of("..", "examples"));
    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_example_converses_from_its_report_to_the_conclusion_it_expects(Scenario s) {
    Chat chat = new Chat(new SnapshotReader(s.folder()));
    chat.say(s.report());
    for (int i = 0; i < MAX_TURNS && chat.state.stage() != Stage.CONCLUDED; i++) {
      String asked = chat.promptId();
      assertThat(asked).as("%s: no prompt after %s", s.name(), chat.text()).isNotNull();
      chat.say(switch (asked) {
        case Prompts.SYMPTOM -> s.symptom();
        case Prompts.LOAD_BALANCER -> s.loadBalancer();
        case Prompts.CONFIRM -> "yes";
        default -> s.answers().getOrDefault(asked, "I don't know");
      });
    }
    assertThat(chat.state.stage()).as(s.name()).isEqualTo(Stage.CONCLUDED);
    boolean metricsDecided = Chat.sectionsOf(chat.all, Section.Text.class).stream().anyMatch(t -> t.text().contains("Health Probe Status decides"));
    if (metricsDecided) {
      // the words were ambiguous between probe-down and data-port-down: DipAvailability decided, as it says
      var facts = new FactCache(new SnapshotReader(s.folder())).get(chat.state.loadBalancer(), r -> {});
      assertThat(chat.state.symptomId()).as("%s: symptom from the metrics", s.name())
          .isEqualTo(ProbeHealthVerdict.of(Chat.KB, facts, chat.state.loadBalancer()).orElseThrow().symptomId());
    } else {
      assertThat(chat.state.symptomId()).as("%s: symptom", s.name()).isEqualTo(s.symptom());
    }
    assertThat(chat.state.loadBalancer()).as("%s: load balancer", s.name()).endsWith("/" + s.loadBalancer());
    for (Scenario.Expectation e : s.expect()) {
      assertThat(chat.status(e.cause())).as("%s: %s", s.name(), e.cause()).isEqualTo(e.status());
      if (e.status().equals("confirmed")) {
        assertThat(chat.text()).as(s.name()).contains("Confirmed: ");
        Chat details = new Chat(new SnapshotReader(s.folder()));
        details.state = chat.state;
        details.say("details");
        assertThat(details.sectionsOf(Section.Commands.class)).as(s.name())
            .anySatisfy(c -> assertThat(c.caption()).isEqualTo("az commands for " + e.cause()))
            .allSatisfy(c -> assertThat(Chat.code(c)).doesNotContain("{"));
      }
    }
    if (s.expectNoConfirmed()) {
      assertThat(chat.findings().rows()).as(s.name()).noneMatch(r -> r.status().id().equals("confirmed"));
    }
    assertThat(chat.state.answers()).as(s.name()).filteredOn(a -> !a.fromReport()).allSatisfy(a -> assertThat(a.value())
        .isEqualTo(s.answers().getOrDefault(a.question(), "unknown").toLowerCase(java.util.Locale.ROOT)));
    assertThat(chat.state.answers()).as("%s: answers read from the report", s.name()).filteredOn(RecordedAnswer::fromReport)
        .allSatisfy(a -> assertThat(s.answers().getOrDefault(a.question(), a.value())).isEqualToIgnoringCase(a.value()));
  }
}
