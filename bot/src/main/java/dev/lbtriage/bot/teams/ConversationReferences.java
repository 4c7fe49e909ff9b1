package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.session.SessionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored {@link ConversationReference} of each Teams thread, by its key ({@link TeamsThread#key()}). The real
 * one keeps them in the session store ({@code conversation_addresses}), so a restarted bot, or another replica on
 * the same database, can post into a thread with no new activity.
 */
interface ConversationReferences {

  void remember(String key, ConversationReference reference);

  Optional<ConversationReference> of(String key);

  /** Kept in the session store under {@code teams:<key>}. */
  static ConversationReferences in(SessionStore store) {
    return new ConversationReferences() {
      @Override
      public void remember(String key, ConversationReference reference) {
        store.saveAddress(EngineTeamsConversations.PREFIX + key, reference.json());
      }

      @Override
      public Optional<ConversationReference> of(String key) {
        return store.address(EngineTeamsConversations.PREFIX + key).flatMap(ConversationReference::parse);
      }
    };
  }

  /** Kept in memory only (tests of the face alone). */
  static ConversationReferences inMemory() {
    Map<String, ConversationReference> refs = new ConcurrentHashMap<>();
    return new ConversationReferences() {
      @Override
      public void remember(String key, ConversationReference reference) {
        refs.put(key, reference);
      }

      @Override
      public Optional<ConversationReference> of(String key) {
        return Optional.ofNullable(refs.get(key));
      }
    };
  }
}
