package dev.lbtriage.bot.teams;

import java.util.List;

/**
 * The port between the Teams face and the triage conversation: the only thing the Teams code knows of the
 * engine. {@code key} is one Teams conversation and thread ({@link TeamsThread#key()}); a key seen for the first
 * time starts a triage with {@code text} as the report. Calls for one key never overlap and come in order.
 * The one implementation, {@link EngineTeamsConversations}, sits on the shared runtime ({@code engine.runtime.Conversations}).
 */
interface TeamsConversations {

  void handle(String key, String text, String userName, TeamsOutput out);

  /**
   * The same for an activity with its id (null when it has none): an implementation on a store shared by several
   * replicas claims it there, so a redelivered activity, or one that reached two replicas, is answered once.
   */
  default void handle(String activityId, String key, String text, String userName, TeamsOutput out) {
    handle(key, text, userName, out);
  }

  /** Whether this key's conversation exists (saved by this or an earlier run). */
  default boolean knows(String key) {
    return false;
  }

  /** The keys of threads with work a stopped bot left (a turn not run, or replies not sent). */
  default List<String> stalled() {
    return List.of();
  }

  /** Finishes the work a stopped bot left in this thread, with no new activity; returns how many inputs. */
  default int resume(String key, TeamsOutput out) {
    return 0;
  }

  /** Where this face's conversation references are kept. */
  default ConversationReferences references() {
    return ConversationReferences.inMemory();
  }
}
