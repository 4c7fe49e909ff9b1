package dev.lbtriage.bot.teams;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.session.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The adapter to today's engine, the one file to swap for the shared conversation runtime: each Teams key is one
 * durable conversation ({@code teams:<key>} in the session store), saved after every turn, so a restart mid-triage
 * continues the thread. It turns the engine's replies into {@link Message}s (until the runtime hands messages out).
 */
final class EngineTeamsConversations implements TeamsConversations, AutoCloseable {
  private final ConversationEngine engine;
  private final SessionStore store;

  EngineTeamsConversations(ConversationEngine engine, SessionStore store) {
    this.engine = engine;
    this.store = store;
  }

  @Override
  public void handle(String key, String text, String userName, TeamsOutput out) {
    String stored = "teams:" + key;
    Optional<ConversationState> saved = store.byKey(stored);
    java.util.function.Consumer<Reply> live = r -> show(r, out);
    Turn turn = saved.isEmpty()
        ? engine.start(UUID.randomUUID().toString(), stored, text, userName, live)
        : engine.handle(saved.get(), text, userName, live);
    store.save(turn.next());
    turn.replies().forEach(r -> show(r, out));
  }

  @Override
  public boolean knows(String key) {
    return store.byKey("teams:" + key).isPresent();
  }

  @Override
  public void close() {
    store.close();
  }

  static void show(Reply reply, TeamsOutput out) {
    if (reply instanceof Reply.ProgressUpdate p) {
      out.progress(p.step(), p.done(), p.total());
    } else {
      out.message(message(reply));
    }
  }

  /** One engine reply as a message. */
  static Message message(Reply reply) {
    if (reply instanceof Reply.Text t) {
      return new Message(null, List.of(t.emphasis() ? new Section.Heading(t.text()) : new Section.Text(t.text())));
    }
    if (reply instanceof Reply.Prompt p) {
      Message.Builder b = Message.builder(null).heading(p.text());
      if (p.why() != null && !p.why().isBlank()) {
        b.context("Why: " + p.why());
      }
      List<Section.Way> ways = new ArrayList<>();
      for (Reply.How how : p.how()) {
        Optional<Section.Platform> platform = platform(how.label());
        if (platform.isPresent()) {
          ways.add(new Section.Way(platform.get(), List.of(how.commands())));
        } else {
          b.add(new Section.Commands(how.label(), Section.Shell.TEXT, List.of(new Section.Command(null, how.commands()))));
        }
      }
      if (!ways.isEmpty()) {
        b.add(new Section.HowTo(ways));
      }
      if (!p.choices().isEmpty()) {
        b.add(new Section.Buttons(p.id(), p.choices().stream().map(c -> new Section.Button(c.label(), c.value())).toList()));
      }
      return b.build();
    }
    if (reply instanceof Reply.FindingsTable f) {
      return new Message(null, List.of(new Section.Findings(f.title(), f.rows().stream()
          .map(r -> new Section.Finding(r.cause(), r.title(), Section.Status.of(r.status()), r.evidence())).toList())));
    }
    if (reply instanceof Reply.Code c) {
      return new Message(null, List.of(new Section.Commands(c.caption(), shell(c.language()), List.of(new Section.Command(null, c.code())))));
    }
    if (reply instanceof Reply.Notice n) {
      return new Message(null, List.of(new Section.Notice(Section.Level.valueOf(n.level().name()), n.text())));
    }
    throw new IllegalArgumentException("not a message: " + reply);
  }

  private static Optional<Section.Platform> platform(String label) {
    for (Section.Platform p : Section.Platform.values()) {
      if (p.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Section.Shell shell(String language) {
    return switch (language == null ? "" : language.toLowerCase(Locale.ROOT)) {
      case "bash", "sh", "shell" -> Section.Shell.BASH;
      case "powershell", "pwsh" -> Section.Shell.POWERSHELL;
      case "cmd", "bat" -> Section.Shell.CMD;
      default -> Section.Shell.TEXT;
    };
  }
}
