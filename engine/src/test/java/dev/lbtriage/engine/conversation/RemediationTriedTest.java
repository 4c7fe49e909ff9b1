package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.bundle.SnapshotDocumentsReader;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Remediation already tried, in the chat over real examples with the real rules: {@code tried: ...} at any
 * stage, statements after a conclusion read conservatively, kept in the state and listed in the bundle's
 * SUMMARY.md with who and when; a fix the conclusion gave that "still fails" is answered honestly.
 */
class RemediationTriedTest {
  static final String STILL_FAILING = "I already opened port 25 in the NSG nsg-web, still failing";

  static Scenario example(String name) {
    return ScenarioReader.readAll(Path.of("..", "examples")).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  static ConversationEngine engine(Scenario s) {
    return new ConversationEngine(Chat.MATCHER, Chat.DIAGNOSER, new SnapshotReader(s.folder()), Chat.CLOCK, LiveCheckRunner.none(),
        lb -> Optional.of(SnapshotDocumentsReader.fromFolder(s.folder())));
  }

  /** The example conversed from its report to its conclusion, as ExampleConversationsTest does. */
  static Turn concluded(ConversationEngine engine, Scenario s) {
    Turn t = engine.start("s-tried", "test:tried", s.report(), "alice", r -> {});
    for (int i = 0; i < 20 && t.next().stage() != Stage.CONCLUDED; i++) {
      String asked = t.next().asking();
      t = engine.handle(t.next(), switch (asked) {
        case Prompts.SYMPTOM -> s.symptom();
        case Prompts.LOAD_BALANCER -> s.loadBalancer();
        case Prompts.CONFIRM -> "yes";
        default -> s.answers().getOrDefault(asked, "I don't know");
      }, "alice", r -> {});
    }
    assertThat(t.next().stage()).isEqualTo(Stage.CONCLUDED);
    return t;
  }

  static String said(Turn t) {
    StringBuilder b = new StringBuilder();
    t.replies().forEach(r -> b.append(r).append('\n'));
    return b.toString();
  }

  @Test
  void tried_is_a_command_with_a_colon_at_any_stage_and_without_one_after_a_conclusion() {
    assertThat(CommandParser.parse("tried: restarted vm-web-1")).isEqualTo(new Command.Tried("restarted vm-web-1", true));
    assertThat(CommandParser.parse("Tried restarted vm-web-1")).isEqualTo(new Command.Tried("restarted vm-web-1", false));
    assertThat(CommandParser.parse("tried")).isEqualTo(new Command.Tried(null, true));
    assertThat(CommandParser.parse("tried to reach the frontend from home")).isInstanceOf(Command.Input.class);
    assertThat(CommandParser.parse("we tried restarting")).isInstanceOf(Command.Input.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {STILL_FAILING, "We restarted both VMs, no change", "I've added an allow rule for AzureLoadBalancer but it is still down",
      "already applied the fix, still unhealthy", "I have changed the probe to port 80 and it still doesn't work"})
  void a_change_made_that_did_not_help_is_read_as_remediation_tried_and_still_failing(String line) {
    assertThat(AlreadyTried.statement(line)).hasValueSatisfying(s -> {
      assertThat(s.what()).isEqualTo(line);
      assertThat(s.stillFailing()).isTrue();
    });
  }

  @Test
  void a_change_made_without_saying_how_it_went_is_read_as_tried_not_failing() {
    assertThat(AlreadyTried.statement("I restarted vm-web-1 at 14:05")).hasValueSatisfying(s -> assertThat(s.stillFailing()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"did I open port 25?", "I haven't opened port 25 yet", "the NSG was changed yesterday", "I think it is the NSG",
      "we did not restart anything", "what should I open", "thanks", "it is still failing", "I can't change the NSG, it is still failing"})
  void questions_negations_and_other_lines_are_not_read_as_remediation(String line) {
    assertThat(AlreadyTried.statement(line)).isEmpty();
  }

  @Test
  void the_fix_the_conclusion_gave_that_still_fails_is_said_not_to_have_cleared_it_and_refresh_is_suggested() {
    Scenario s = example("nsg-deny-all-subnet");
    ConversationEngine engine = engine(s);
    Turn t = concluded(engine, s);
    assertThat(said(t)).contains("Confirmed: ");

    Turn after = engine.handle(t.next(), STILL_FAILING, "bob", r -> {});

    String text = said(after);
    assertThat(text).contains("did not clear", "\"refresh\"", "Noted as remediation already tried").doesNotContain("already concluded")
        .doesNotContain("Confirmed: ");
    assertThat(after.next().stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(after.next().tried()).singleElement().satisfies(r -> {
      assertThat(r.what()).isEqualTo(STILL_FAILING);
      assertThat(r.by()).isEqualTo("bob");
      assertThat(r.at()).isEqualTo(Chat.CLOCK.instant());
      assertThat(r.source()).isEqualTo(RemediationTried.STATEMENT);
      assertThat(r.stillFailing()).isTrue();
    });

    // refresh reads the same facts (the snapshot did not change): the conclusion says the tried fix is not in them
    Turn refreshed = engine.handle(after.next(), "refresh", "bob", r -> {});
    assertThat(said(refreshed)).contains("Confirmed: ").contains("was already tried", "still confirm");
  }

  @Test
  void something_else_tried_is_noted_without_claiming_it_was_the_fix() {
    Scenario s = example("nsg-deny-all-subnet");
    ConversationEngine engine = engine(s);
    Turn t = concluded(engine, s);

    Turn after = engine.handle(t.next(), "We rebooted the router in the office, still failing", "bob", r -> {});

    assertThat(said(after)).contains("Noted as remediation already tried", "\"refresh\"").doesNotContain("fix I gave");
    assertThat(after.next().tried()).hasSize(1);
  }

  @Test
  void tried_with_a_colon_mid_triage_is_recorded_and_the_question_is_asked_again() {
    Scenario s = example("probe-zero-vm-not-responding");
    ConversationEngine engine = engine(s);
    Turn t = engine.start("s-mid", "test:mid", s.report(), "alice", r -> {});
    String asking = t.next().asking();
    assertThat(t.next().stage()).isEqualTo(Stage.ASKING);

    Turn after = engine.handle(t.next(), "tried: restarted vm-shop-1 at 10:20, still 0 %", "alice", r -> {});

    assertThat(after.next().asking()).isEqualTo(asking);
    assertThat(after.next().answers()).isEqualTo(t.next().answers());
    assertThat(after.next().tried()).singleElement().satisfies(r -> {
      assertThat(r.what()).isEqualTo("restarted vm-shop-1 at 10:20, still 0 %");
      assertThat(r.source()).isEqualTo(RemediationTried.COMMAND);
      assertThat(r.stillFailing()).isTrue();
    });
    assertThat(after.replies().get(after.replies().size() - 1)).isInstanceOf(Reply.Prompt.class);
  }

  @Test
  void tried_without_a_colon_before_the_conclusion_is_read_as_the_answer_it_is() {
    Scenario s = example("probe-zero-vm-not-responding");
    ConversationEngine engine = engine(s);
    Turn t = engine.start("s-ans", "test:ans", s.report(), "alice", r -> {});

    Turn after = engine.handle(t.next(), "tried telnet to it, no answer", "alice", r -> {});

    assertThat(after.next().tried()).isEmpty();
  }

  @Test
  void the_bundle_lists_what_was_tried_with_who_and_when_and_redact_masks_it() throws IOException {
    Scenario s = example("nsg-deny-all-subnet");
    ConversationEngine engine = engine(s);
    Turn t = engine.handle(concluded(engine, s).next(), STILL_FAILING, "bob", r -> {});

    Map<String, String> plain = BundleCommandTest.unzip(attachment(engine.handle(t.next(), "bundle", "bob", r -> {})).bytes());
    Map<String, String> redacted = BundleCommandTest.unzip(attachment(engine.handle(t.next(), "bundle redact", "bob", r -> {})).bytes());

    String summary = plain.get("lb-triage-bundle-lb-web/SUMMARY.md");
    String row = summary.lines().filter(l -> l.contains(STILL_FAILING)).findFirst().orElseThrow();
    assertThat(row).contains("bob", Chat.CLOCK.instant().toString(), "still failing", RemediationTried.STATEMENT);
    assertThat(summary).contains("Already tried: \"" + STILL_FAILING + "\" (still failing)");
    assertThat(redacted.values()).noneMatch(text -> text.contains(STILL_FAILING) || text.contains("opened port 25 in the NSG"));
    assertThat(redacted.get("lb-triage-bundle-lb-web-redacted/MASKED.md")).contains("free text");
  }

  @Test
  void a_conclusion_without_a_confirmed_cause_offers_the_bundle_in_one_line_and_choosing_it_makes_the_bundle() {
    for (String name : List.of("healthy", "udr-virtual-appliance")) {
      Scenario s = example(name);
      ConversationEngine engine = engine(s);
      Turn t = concluded(engine, s);
      Reply.Say headline = t.replies().stream().filter(Reply.Say.class::isInstance).map(Reply.Say.class::cast)
          .filter(r -> r.message().title() != null && r.message().title().startsWith("Conclusion:")).reduce((a, b) -> b).orElseThrow();
      List<Section> sections = headline.message().sections();
      assertThat(sections.get(sections.size() - 1)).as(name).isEqualTo(Section.Buttons.offer(Conclusion.BUNDLE_OFFER, "bundle"));
      assertThat(sections.get(0)).as("%s: the headline comes first", name).isInstanceOf(Section.Text.class);

      Turn chosen = engine.handle(t.next(), "bundle", "alice", r -> {});
      assertThat(chosen.replies()).as(name).anyMatch(Reply.Attachment.class::isInstance);
    }
    Scenario confirmed = example("nsg-deny-all-subnet");
    Turn t = concluded(engine(confirmed), confirmed);
    assertThat(Chat.sectionsOf(t.replies(), Section.Buttons.class)).noneMatch(Section.Buttons::offer);
  }

  static Reply.Attachment attachment(Turn t) {
    return t.replies().stream().filter(Reply.Attachment.class::isInstance).map(Reply.Attachment.class::cast).findFirst().orElseThrow();
  }
}
