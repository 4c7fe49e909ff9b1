package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;

/**
 * A saved conversation with the version it was saved at, for {@link SessionStore#saveTurn}: a turn is saved only
 * over the version it started from.
 */
public record VersionedState(ConversationState state, long version) {}
