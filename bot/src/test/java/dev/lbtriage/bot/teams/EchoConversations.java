package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.message.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A stand-in for the conversation (our own port, for the endpoint's unit tests): records each call, echoes the line. */
final class EchoConversations implements TeamsConversations {
  record Call(String key, String text, String user) {}

  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void handle(String key, String text, String userName, TeamsOutput out) {
    calls.add(new Call(key, text, userName));
    out.message(Message.text("heard: " + text));
  }
}
