package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.bot.cli.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SlackCommandTest {

  @TempDir Path dir;

  @Test
  void refusesAWorldReadableTokenFileWithAClearMessage() throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "SLACK_BOT_TOKEN=xoxb-should-not-leak\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    SlackCommand command = parse("--token-file", file.toString());
    assertThatThrownBy(command::call)
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("chmod 600")
        .hasMessageNotContaining("xoxb");
  }

  @Test
  void namesTheMissingTokensForTheMode() {
    assertThatThrownBy(parse()::call).isInstanceOf(BadInputException.class).hasMessageContaining("SLACK_BOT_TOKEN").hasMessageContaining("SLACK_APP_TOKEN");
    assertThatThrownBy(parse("--http")::call).isInstanceOf(BadInputException.class).hasMessageContaining("SLACK_SIGNING_SECRET");
  }

  @Test
  void hasTheAgreedOptions() {
    CommandLine cli = new CommandLine(new SlackCommand());
    assertThat(cli.getCommandName()).isEqualTo("slack");
    assertThat(cli.getCommandSpec().options()).extracting(o -> o.longestName())
        .contains("--http", "--port", "--bind", "--token-file", "--snapshot");
  }

  private static SlackCommand parse(String... args) {
    SlackCommand command = new SlackCommand(snapshot -> new FakeConversations(), Map.of());
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
