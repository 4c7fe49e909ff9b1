package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.conversation.Reply;
import java.util.List;

/** What a typed line means given the prompt shown: a number picks from a numbered list. */
final class Choices {
  private Choices() {}

  /** The value of choice N when {@code line} is N and the prompt showed a numbered list; else the line. */
  static String resolve(Reply.Prompt prompt, String line) {
    if (prompt == null || line == null) {
      return line;
    }
    List<Reply.Choice> cs = prompt.choices();
    String t = line.strip();
    if (cs.size() > 1 && !TerminalRenderer.inline(cs) && t.matches("\\d{1,3}")) {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= cs.size()) {
        return cs.get(n - 1).value();
      }
    }
    return line;
  }
}
