package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.message.MarkdownRenderer;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Teams cannot receive the chat's bundle as a file yet: {@code bundle} gets one line naming the CLI command with this session. */
class TeamsBundleLineTest {
  @Test
  void bundle_in_teams_names_the_cli_command_with_this_conversations_session() {
    JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:teams-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
    try (EngineTeamsConversations teams = new EngineTeamsConversations(
        Engines.over(new SnapshotReader(Path.of("..", "examples", "probe-zero-vm-not-responding"))), store)) {
      List<Message> shown = new ArrayList<>();
      TeamsOutput out = new TeamsOutput() {
        @Override
        public void message(Message message) {
          shown.add(message);
        }

        @Override
        public void progress(String step, int done, int total) {}
      };
      teams.handle("conv-1", "lb-shop health probe is down for 172.18.0.5", "Ada", out);
      shown.clear();

      teams.handle("conv-1", "bundle", "Ada", out);

      String id = store.byKey("teams:conv-1").orElseThrow().id();
      assertThat(shown).extracting(MarkdownRenderer::render)
          .anyMatch(t -> t.contains("cannot send files yet") && t.contains("lb-triage bundle --session " + id + " --out lb-triage-bundle-lb-shop.zip"));
    }
  }
}
