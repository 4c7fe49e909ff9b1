package dev.lbtriage.bot.teams;

/**
 * One triage: a Teams conversation and, in a channel, the thread in it. The key is {@code base} (the conversation
 * id without its {@code ;messageid=} part) and {@code thread} (the root message id in a channel, empty in a chat,
 * where the chat is the thread). {@code replyTo} is the conversation id replies are posted to (with the thread's
 * {@code ;messageid=} in a channel, so they land in the thread).
 */
record TeamsThread(String base, String thread, String replyTo) {

  private static final String MESSAGE_ID = ";messageid=";

  static TeamsThread of(Activity a) {
    String id = a.conversationId();
    int cut = id.indexOf(MESSAGE_ID);
    if (cut >= 0) {
      String base = id.substring(0, cut);
      String root = id.substring(cut + MESSAGE_ID.length());
      return new TeamsThread(base, root, id);
    }
    if ("channel".equals(a.conversationType())) {
      // a channel post without ;messageid=: a reply names its root in replyToId, a new post is its own root
      String root = !a.replyToId().isBlank() ? a.replyToId() : a.id();
      return new TeamsThread(id, root, id + MESSAGE_ID + root);
    }
    return new TeamsThread(id, "", id);
  }

  /** The key of the conversation in the session store (after the face's {@code teams:} prefix). */
  String key() {
    return thread.isEmpty() ? base : base + MESSAGE_ID + thread;
  }

  @Override
  public String toString() {
    return key();
  }
}
