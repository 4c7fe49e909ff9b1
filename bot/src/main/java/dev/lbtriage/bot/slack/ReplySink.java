package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.Reply;

/** Where a conversation turn sends its replies, in order; valid only during the {@link TriageConversations#handle} call. */
@FunctionalInterface
public interface ReplySink {

  void send(Reply reply);
}
