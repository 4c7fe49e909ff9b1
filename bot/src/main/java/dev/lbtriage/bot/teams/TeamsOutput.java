package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.message.Message;

/** Where one conversation turn's output goes, in order; valid only during the {@link TeamsConversations#handle} call. */
interface TeamsOutput {

  /** A message to show; the messages of one turn are shown together as one card where they fit. */
  void message(Message message);

  /** Long work in progress: one line, updated in place. */
  void progress(String step, int done, int total);

  /**
   * A file to hand over (the support-case bundle). By default a line with the command that makes it; the Teams
   * replies send it with the consent flow in a 1:1 chat and offer it in a 1:1 chat from a channel or group chat.
   *
   * @param command the {@code lb-triage bundle} command line that makes the same file
   */
  default void file(String name, String mediaType, byte[] bytes, String caption, String command) {
    message(Message.text("The support-case bundle " + name + " is made. Make the same bundle on the command line: " + command));
  }

  /** The turn's replies were all given: send what is gathered (a failure here leaves them to be sent again later). */
  default void flush() {}
}
