package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandParserTest {

  @Test
  void whole_line_commands_are_read_in_any_case_with_or_without_a_slash() {
    assertThat(CommandParser.parse("Why?")).isInstanceOf(Command.Why.class);
    assertThat(CommandParser.parse("/summary")).isInstanceOf(Command.Summary.class);
    assertThat(CommandParser.parse(" BACK ")).isInstanceOf(Command.Back.class);
    assertThat(CommandParser.parse("start over")).isInstanceOf(Command.Restart.class);
    assertThat(CommandParser.parse("quit.")).isInstanceOf(Command.Quit.class);
    assertThat(CommandParser.parse("help")).isInstanceOf(Command.Help.class);
  }

  @Test
  void change_takes_a_number_or_a_question_id_an_optional_to_and_an_optional_answer() {
    assertThat(CommandParser.parse("change 2 to yes")).isEqualTo(new Command.Change("2", "yes"));
    assertThat(CommandParser.parse("change probe-port-listening it shows LISTENING"))
        .isEqualTo(new Command.Change("probe-port-listening", "it shows LISTENING"));
    assertThat(CommandParser.parse("Change 1")).isEqualTo(new Command.Change("1", null));
  }

  @Test
  void bundle_support_bundle_and_bundle_redact_ask_for_the_support_case_bundle_while_support_alone_stays_the_checklist() {
    assertThat(CommandParser.parse("bundle")).isEqualTo(new Command.Bundle(false));
    assertThat(CommandParser.parse("/Support Bundle")).isEqualTo(new Command.Bundle(false));
    assertThat(CommandParser.parse("bundle redact")).isEqualTo(new Command.Bundle(true));
    assertThat(CommandParser.parse("redacted bundle.")).isEqualTo(new Command.Bundle(true));
    assertThat(CommandParser.parse("support")).isEqualTo(new Command.More(Command.More.Part.SUPPORT));
    assertThat(CommandParser.parse("bundle of wires")).isInstanceOf(Command.Input.class);
  }

  @Test
  void answers_that_only_contain_a_command_word_are_input() {
    assertThat(CommandParser.parse("why would it be down")).isEqualTo(new Command.Input("why would it be down"));
    assertThat(CommandParser.parse("no, nothing listens; back later")).isInstanceOf(Command.Input.class);
    assertThat(CommandParser.parse("?")).isInstanceOf(Command.Input.class);
  }
}
