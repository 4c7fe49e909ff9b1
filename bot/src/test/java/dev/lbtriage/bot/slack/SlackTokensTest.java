package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackTokensTest {

  @TempDir Path dir;

  @Test
  void readsAnOwnerOnlyFileAndFallsBackToTheEnvironment() throws IOException {
    Path file = write("SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_SIGNING_SECRET=s3cret\n", "rw-------");
    SlackTokens tokens = SlackTokens.fromFile(file, Map.of("SLACK_APP_TOKEN", "xapp-env", "SLACK_BOT_TOKEN", "xoxb-env"));
    assertThat(tokens.botToken()).isEqualTo("xoxb-from-file");
    assertThat(tokens.signingSecret()).isEqualTo("s3cret");
    assertThat(tokens.appToken()).isEqualTo("xapp-env");
    assertThat(tokens.missing(true)).isEmpty();
    assertThat(tokens.toString()).doesNotContain("xoxb", "s3cret", "xapp");
  }

  @Test
  void refusesAGroupOrWorldReadableFile() throws IOException {
    for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-"}) {
      Path file = write("SLACK_BOT_TOKEN=xoxb-x\n", mode);
      assertThatThrownBy(() -> SlackTokens.fromFile(file, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("chmod 600")
          .hasMessageNotContaining("xoxb");
    }
  }

  @Test
  void namesWhatIsMissingForTheMode() {
    SlackTokens tokens = SlackTokens.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1"));
    assertThat(tokens.missing(true)).isEqualTo("SLACK_APP_TOKEN");
    assertThat(tokens.missing(false)).isEqualTo("SLACK_SIGNING_SECRET");
  }

  @Test
  void settingsNeverPrintTokens() {
    assertThat(SlackSettings.of("xoxb-secret", "signing", "xapp-secret").toString()).doesNotContain("xoxb", "signing", "xapp-secret");
  }

  private Path write(String content, String mode) throws IOException {
    Path file = Files.createTempFile(dir, "tokens", ".env");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }
}
