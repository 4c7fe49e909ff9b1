package dev.lbtriage.bot.slack;

import java.util.Objects;

/**
 * A Slack thread: its channel and the {@code ts} of its parent message. One thread is one conversation, keyed
 * {@code channel:thread_ts}.
 */
public record ThreadKey(String channel, String threadTs) {

  public ThreadKey {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(threadTs, "threadTs");
  }

  /** The thread a message belongs to: its {@code thread_ts} when it is a reply, else its own {@code ts}. */
  public static ThreadKey of(String channel, String threadTs, String ts) {
    return new ThreadKey(channel, threadTs != null && !threadTs.isBlank() ? threadTs : ts);
  }

  /** The conversation key given to {@link TriageConversations}. */
  public String conversationKey() {
    return channel + ":" + threadTs;
  }

  @Override
  public String toString() {
    return conversationKey();
  }
}
