package dev.lbtriage.bot;

import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.List;
import java.util.Locale;

/** Replies for renderer tests, written as briefly as the engine's older reply kinds were. */
public final class Replies {
  private Replies() {}

  public static Reply text(String text) {
    return Reply.Say.text(text);
  }

  /** A heading-like line: a message with only a title. */
  public static Reply text(String text, boolean emphasis) {
    return emphasis ? new Reply.Say(new Message(text, List.of())) : text(text);
  }

  public static Reply code(String caption, String language, String code) {
    Section.Shell shell = switch (language.toLowerCase(Locale.ROOT)) {
      case "bash" -> Section.Shell.BASH;
      case "powershell" -> Section.Shell.POWERSHELL;
      default -> Section.Shell.TEXT;
    };
    return new Reply.Say(Message.of(null, new Section.Commands(caption, shell, List.of(new Section.Command(null, code)))));
  }

  public static Reply notice(Section.Level level, String text) {
    return Reply.Say.notice(level, text);
  }

  public static Reply findings(String title, List<Section.Finding> rows) {
    return new Reply.Say(Message.of(null, new Section.Findings(title, rows)));
  }

  public static Section.Finding row(String cause, String title, String status, List<String> evidence) {
    return new Section.Finding(cause, title, Section.Status.of(status), evidence);
  }

  public static Section.Way how(String label, String commands) {
    return new Section.Way(Section.Platform.valueOf(label.toUpperCase(Locale.ROOT)), commands.lines().toList());
  }
}
