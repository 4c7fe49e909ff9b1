package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.session.SessionStore;

/**
 * The Teams port over the shared conversation runtime ({@link Conversations}): each Teams key is one durable
 * conversation, {@code teams:<key>} in the session store, saved after every turn, so a restart mid-triage continues
 * the thread. The engine's replies are messages already; this only routes them: progress to the progress line,
 * everything else to the turn's cards.
 */
final class EngineTeamsConversations implements TeamsConversations, AutoCloseable {
  private static final String PREFIX = "teams:";
  private final Conversations conversations;
  private final SessionStore store;

  EngineTeamsConversations(ConversationEngine engine, SessionStore store) {
    this.conversations = new Conversations(engine, store);
    this.store = store;
  }

  @Override
  public void handle(String key, String text, String userName, TeamsOutput out) {
    handle(null, key, text, userName, out);
  }

  @Override
  public void handle(String activityId, String key, String text, String userName, TeamsOutput out) {
    String deliveryId = activityId == null || activityId.isBlank() ? null : PREFIX + activityId;
    conversations.handle(PREFIX + key, userName, new Conversations.Input(text, deliveryId), reply -> {
      if (reply instanceof Reply.Attachment a) {
        out.message(noAttachment(a, store.byKey(PREFIX + key).map(s -> s.id()).orElse(null)));
      } else {
        show(reply, out);
      }
    });
  }

  @Override
  public boolean knows(String key) {
    return conversations.knows(PREFIX + key);
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * Files are not sent in Teams yet (a bot's file needs a consent card in personal chats and SharePoint in channels):
   * the line says how to make the same bundle on the command line.
   */
  static dev.lbtriage.engine.message.Message noAttachment(Reply.Attachment a, String sessionId) {
    return new dev.lbtriage.engine.message.Message(null, java.util.List.of(new dev.lbtriage.engine.message.Section.Notice(
        dev.lbtriage.engine.message.Section.Level.INFO, "The support-case bundle " + a.name() + " is made, but this Teams bot "
            + "cannot send files yet. Make the same bundle on the command line, with the --snapshot or --azure options this bot "
            + "runs with (and its --db): lb-triage bundle " + (sessionId == null ? "" : "--session " + sessionId + " ")
            + "--out " + a.name())));
  }

  static void show(Reply reply, TeamsOutput out) {
    if (reply instanceof Reply.ProgressUpdate p) {
      out.progress(p.step(), p.done(), p.total());
    } else if (reply instanceof Reply.Prompt p) {
      out.message(p.message());
    } else if (reply instanceof Reply.Say s) {
      out.message(s.message());
    } else if (reply instanceof Reply.Attachment a) {
      out.message(noAttachment(a, null));
    }
  }
}
