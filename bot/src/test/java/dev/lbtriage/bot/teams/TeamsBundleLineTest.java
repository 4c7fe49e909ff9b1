package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chat's {@code bundle} reaches the Teams face as a file, with the command line that makes the same bundle for this session. */
class TeamsBundleLineTest {
  @Test
  void bundle_in_teams_hands_the_zip_to_the_face_with_the_cli_command_of_this_conversations_session() {
    JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:teams-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
    try (EngineTeamsConversations teams = new EngineTeamsConversations(
        Engines.over(new SnapshotReader(Path.of("..", "examples", "probe-zero-vm-not-responding"))), store)) {
      List<String> files = new ArrayList<>();
      List<byte[]> bytes = new ArrayList<>();
      TeamsOutput out = new TeamsOutput() {
        @Override
        public void message(Message message) {}

        @Override
        public void progress(String step, int done, int total) {}

        @Override
        public void file(String name, String mediaType, byte[] content, String caption, String command) {
          files.add(name + " | " + mediaType + " | " + command);
          bytes.add(content);
        }
      };
      teams.handle("conv-1", "lb-shop health probe is down for 172.18.0.5", "Ada", out);
      teams.handle("conv-1", "bundle redact", "Ada", out);

      String id = store.byKey("teams:conv-1").orElseThrow().id();
      assertThat(files).containsExactly("lb-triage-bundle-lb-shop-redacted.zip | application/zip | lb-triage bundle --session " + id
          + " --out lb-triage-bundle-lb-shop-redacted.zip --redact");
      assertThat(bytes.get(0)).startsWith(0x50, 0x4b, 0x03, 0x04); // a zip
    }
  }
}
