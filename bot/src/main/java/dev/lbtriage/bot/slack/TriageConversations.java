package dev.lbtriage.bot.slack;

/**
 * The port between the Slack face and the triage conversation: the only thing the Slack code knows about the
 * engine. One implementation backs every thread; it keeps each conversation's state by key.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@code conversationKey} is {@code channel:thread_ts}: one Slack thread is one conversation. A key seen
 *       for the first time starts a conversation with {@code text} as the first line (the incident description).
 *   <li>{@code text} is the user's line: typed text, or the value of the button they clicked ({@code why?} for
 *       the "Why?" button). {@code userId} is the Slack user id of who typed or clicked.
 *   <li>Calls for one key never overlap and come in the order the user sent them; calls for different keys may run
 *       at the same time on different threads, so an implementation must be safe for that.
 *   <li>The call may take long (gathering facts). Report progress with {@link dev.lbtriage.engine.conversation.Reply.ProgressUpdate}s
 *       on the sink; the Slack face shows them as one message edited in place. Every other reply becomes a
 *       message in the thread, in the order given. Do not keep the sink after returning.
 *   <li>An exception thrown here is logged and shown in the thread as an error notice; it does not end the bot.
 * </ul>
 */
@FunctionalInterface
public interface TriageConversations {

  void handle(String conversationKey, String text, String userId, ReplySink sink);

  /**
   * The same for a delivered input with an id ({@code event:Ev123}, or null): an implementation on a store shared by
   * several replicas claims it there, so a redelivery or a copy that reached another replica is answered once.
   */
  default void handle(String inputId, String conversationKey, String text, String userId, ReplySink sink) {
    handle(conversationKey, text, userId, sink);
  }

  /** Whether {@link #handle(String, String, String, String, ReplySink)} recognises inputs seen before (then the face need not). */
  default boolean claimsInputs() {
    return false;
  }

  /**
   * Whether a conversation with this key already exists (saved by an earlier run of the bot), so a
   * reply typed in its thread after a restart continues it. The default knows only this run's threads.
   */
  default boolean knows(String conversationKey) {
    return false;
  }
}
