package dev.lbtriage.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code chat --resume} finds a session by id and goes on with it under the key the runtime knows it by. */
class SessionsTest {
  @Test
  void aSessionWithAKeyKeepsItAndOneWithoutIsGivenATerminalKeyForItsFacts() {
    try (JdbcSessionStore store = new JdbcSessionStore("jdbc:h2:mem:sessions-keyed;DB_CLOSE_DELAY=-1", Clock.systemUTC())) {
      Instant now = Instant.parse("2026-12-03T17:00:00Z");
      store.save(ConversationState.fresh("t-keyed", "slack:C1:17.1", now));
      store.save(ConversationState.fresh("t-keyless", null, now));
      SessionKey facts = SessionKey.ofSnapshot(Path.of("/srv/incident-42"));

      assertThat(Sessions.keyed(store, Sessions.find(store, "t-keyed"), facts)).isEqualTo("slack:C1:17.1");
      String key = Sessions.keyed(store, Sessions.find(store, "t-keyless"), facts);

      assertThat(key).isEqualTo("terminal:t-keyless:snapshot:/srv/incident-42");
      assertThat(store.byKey(key)).get().extracting(ConversationState::id).isEqualTo("t-keyless");
      assertThat(SessionKey.parse(key)).contains(facts);
      assertThat(SessionKey.parse(SessionKey.ofAzure().format("t-1"))).contains(SessionKey.ofAzure());
    }
  }
}
