package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.message.Message;

/** Where one conversation turn's output goes, in order; valid only during the {@link TeamsConversations#handle} call. */
interface TeamsOutput {

  /** A message to show; the messages of one turn are shown together as one card where they fit. */
  void message(Message message);

  /** Long work in progress: one line, updated in place. */
  void progress(String step, int done, int total);
}
