package dev.lbtriage.engine.conversation;

import java.util.List;

/**
 * One message of the conversation, platform-neutral. Each face renders every kind; none decides
 * anything. The set is closed so a renderer can switch over it exhaustively.
 */
public sealed interface Reply
    permits Reply.Text, Reply.Prompt, Reply.FindingsTable, Reply.Code, Reply.ProgressUpdate, Reply.Notice {

  /**
   * Plain text, a paragraph or a few. {@code emphasis} marks a heading-like line.
   */
  record Text(String text, boolean emphasis) implements Reply {
    public Text(String text) {
      this(text, false);
    }
  }

  /**
   * A question that waits for an answer.
   *
   * @param id a stable id: a KB question id, or {@code symptom}, {@code load-balancer}, ...
   * @param why why it is asked, may be null
   * @param how how to check, one entry per platform ("Windows", "Linux", "Azure"), may be empty
   * @param choices suggested answers (buttons in chat faces); free text is accepted too
   */
  record Prompt(String id, String text, String why, List<How> how, List<Choice> choices) implements Reply {
    public Prompt {
      how = List.copyOf(how);
      choices = List.copyOf(choices);
    }
  }

  /** How to check something on one platform: {@code label} like "Linux", and the commands. */
  record How(String label, String commands) {}

  /**
   * A suggested answer.
   *
   * @param label what the button shows
   * @param value what is sent back as the user's line when it is chosen
   */
  record Choice(String label, String value) {}

  /** Causes with their status and evidence. */
  record FindingsTable(String title, List<Row> rows) implements Reply {
    public FindingsTable {
      rows = List.copyOf(rows);
    }

    /** @param status {@code confirmed}, {@code suspected} or {@code ruled-out} */
    public record Row(String cause, String title, String status, List<String> evidence) {
      public Row {
        evidence = List.copyOf(evidence);
      }
    }
  }

  /**
   * Commands to paste or output to read.
   *
   * @param caption one line above the block, may be null
   * @param language e.g. {@code bash}, {@code powershell}, {@code text}
   */
  record Code(String caption, String language, String code) implements Reply {}

  /** Long work in progress: one line updated in place where the face can. */
  record ProgressUpdate(String step, int done, int total) implements Reply {}

  /**
   * Something the user should notice: a refusal of bad input, a warning about missing facts, an error.
   */
  record Notice(Level level, String text) implements Reply {
    public enum Level {
      INFO,
      WARNING,
      ERROR
    }
  }
}
