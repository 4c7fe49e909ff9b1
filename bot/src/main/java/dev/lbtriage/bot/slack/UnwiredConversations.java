package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.Reply;

/** Stands in until the triage engine is plugged behind {@link TriageConversations}: says so in the thread. */
final class UnwiredConversations implements TriageConversations {

  @Override
  public void handle(String conversationKey, String text, String userId, ReplySink sink) {
    sink.send(new Reply.Notice(Reply.Notice.Level.WARNING, "The triage engine is not connected to this Slack bot yet."));
  }
}
