package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;

/** Stands in until the triage engine is plugged behind {@link TriageConversations}: says so in the thread. */
final class UnwiredConversations implements TriageConversations {

  @Override
  public void handle(String conversationKey, String text, String userId, ReplySink sink) {
    sink.send(Reply.Say.notice(Section.Level.WARNING, "The triage engine is not connected to this Slack bot yet."));
  }
}
