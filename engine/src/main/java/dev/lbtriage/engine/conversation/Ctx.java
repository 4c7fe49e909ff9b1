package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The work of one turn: the state as it evolves, the replies so far, who speaks and when. */
final class Ctx {
  ConversationState state;
  final String user;
  final Instant now;
  final Consumer<Reply> live;
  private final List<Reply> replies = new ArrayList<>();

  Ctx(ConversationState state, String user, Instant now, Consumer<Reply> live) {
    this.state = state;
    this.user = user == null || user.isBlank() ? "user" : user.strip();
    this.now = now;
    this.live = live == null ? r -> {} : live;
  }

  void say(Reply r) {
    replies.add(r);
  }

  void say(Message m) {
    replies.add(new Reply.Say(m));
  }

  void say(String text) {
    replies.add(Reply.Say.text(text));
  }

  void notice(Section.Level level, String text) {
    replies.add(Reply.Say.notice(level, text));
  }

  Turn turn() {
    return new Turn(state, replies);
  }
}
