package dev.lbtriage.bot.slack;

import dev.lbtriage.bot.Replies;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.conversation.Reply.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted stand-in for the engine, recording every turn. A new key: a text echoing the first line, three
 * progress updates, then a Yes/No/I don't know prompt. Later lines: {@code yes} gives a findings table, {@code why?}
 * a reason, {@code long} a 20,000-character code block, {@code big} a 9,000-character one, anything else an echo.
 */
final class FakeConversations implements TriageConversations {

  /** One turn as the port received it. */
  record Turn(String key, String text, String user) {}

  private final List<Turn> turns = new ArrayList<>();
  private final Map<String, Boolean> started = new ConcurrentHashMap<>();

  synchronized List<Turn> turns() {
    return List.copyOf(turns);
  }

  synchronized List<Turn> turns(String key) {
    return turns.stream().filter(t -> t.key().equals(key)).toList();
  }

  @Override
  public void handle(String key, String text, String userId, ReplySink sink) {
    synchronized (this) {
      turns.add(new Turn(key, text, userId));
    }
    if (started.putIfAbsent(key, true) == null) {
      sink.send(Replies.text("Triage of: " + text));
      for (int i = 1; i <= 3; i++) {
        sink.send(new Reply.ProgressUpdate("Reading the load balancer", i, 3));
      }
      sink.send(
          new Reply.Prompt("probe-status", "Do the health probes fail?", "A failing probe takes the backend out of rotation.", List.of(),
              List.of(new Choice("Yes", "yes"), new Choice("No", "no"), new Choice("I don't know", "don't know"))));
      return;
    }
    switch (text) {
      case "yes" -> sink.send(Replies.findings("Findings", List.of(Replies.row("probe-blocked", "NSG blocks the probe", "confirmed", List.of("deny rule 100")))));
      case "why?" -> sink.send(Replies.text("Because the probe decides who gets traffic."));
      case "long" -> sink.send(Replies.code("Full output", "text", "x".repeat(20_000)));
      case "big" -> sink.send(Replies.code("Output", "text", ("line of output " + "y".repeat(85) + "\n").repeat(90)));
      default -> sink.send(Replies.text("You said: " + text));
    }
  }
}
