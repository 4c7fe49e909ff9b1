package dev.lbtriage.engine.conversation;

import java.util.List;

/**
 * The outcome of one user line: the state to save, and what to show, in order. The last reply is
 * usually a {@link Reply.Prompt} saying what is expected next.
 */
public record Turn(ConversationState next, List<Reply> replies) {
  public Turn {
    replies = List.copyOf(replies);
  }
}
