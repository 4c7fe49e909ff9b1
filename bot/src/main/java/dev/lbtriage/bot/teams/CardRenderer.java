package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Message} as the body elements of an Adaptive Card 1.5 (its title first, as a heading; {@link CardPacker}
 * turns the elements into cards under Teams' size limit). Every section type is a method of the {@link
 * Section.Visitor} the compiler holds this class to. Prose goes in wrapping {@code TextBlock}s (cut at {@value
 * #MAX_TEXT} characters); commands and how-to lines in {@code RichTextBlock}s of monospace {@code TextRun}s, which
 * Teams shows literally (a {@code *} in a command is not read as Markdown); answers are {@code Action.Execute}
 * buttons in an {@code ActionSet}, each with an {@code Action.Submit} fallback for clients without Universal Actions.
 */
final class CardRenderer {
  static final String VERSION = "1.5";
  static final String ANSWER_VERB = "lbt.answer";
  static final int MAX_TEXT = 2000;
  static final int MAX_CODE_LINES = 40;
  static final int MAX_LABEL = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The card body of one message, in order: title, then each section. */
  List<ObjectNode> body(Message m) {
    List<ObjectNode> body = new ArrayList<>();
    if (m.title() != null && !m.title().isBlank()) {
      for (String piece : pieces(m.title())) {
        body.add(textBlock(piece).put("size", "Medium").put("weight", "Bolder"));
      }
    }
    Elements visitor = new Elements(questionOf(m));
    for (Section s : m.sections()) {
      body.addAll(s.accept(visitor));
    }
    return body;
  }

  /** The words a question is known by on its answered card: the title, else the first heading or text. */
  static String questionOf(Message m) {
    if (m.title() != null && !m.title().isBlank()) {
      return m.title();
    }
    for (Section s : m.sections()) {
      if (s instanceof Section.Heading h) {
        return h.text();
      }
      if (s instanceof Section.Text t) {
        return t.text();
      }
    }
    return "";
  }

  private static final class Elements implements Section.Visitor<List<ObjectNode>> {
    private final String question;

    Elements(String question) {
      this.question = question;
    }

    @Override
    public List<ObjectNode> heading(Section.Heading s) {
      return texts(s.text(), b -> b.put("weight", "Bolder"));
    }

    @Override
    public List<ObjectNode> text(Section.Text s) {
      return texts(s.text(), b -> {});
    }

    @Override
    public List<ObjectNode> bullets(Section.Bullets s) {
      List<ObjectNode> out = new ArrayList<>();
      for (String item : s.items()) {
        out.addAll(texts("• " + item, b -> b.put("spacing", "Small")));
      }
      return out;
    }

    @Override
    public List<ObjectNode> steps(Section.Steps s) {
      List<ObjectNode> out = new ArrayList<>();
      for (int i = 0; i < s.items().size(); i++) {
        // "1." at the start of a TextBlock is a Markdown list; "1)" is plain
        out.addAll(texts((i + 1) + ") " + s.items().get(i), b -> b.put("spacing", "Small")));
      }
      return out;
    }

    @Override
    public List<ObjectNode> commands(Section.Commands s) {
      List<ObjectNode> out = new ArrayList<>();
      if (s.caption() != null && !s.caption().isBlank()) {
        out.addAll(texts(s.caption(), b -> b.put("weight", "Bolder")));
      }
      for (Section.Command c : s.commands()) {
        if (c.description() != null && !c.description().isBlank()) {
          out.addAll(texts(c.description(), b -> b.put("isSubtle", true).put("spacing", "Small")));
        }
        if (c.text() != null && !c.text().isBlank()) {
          out.addAll(code(List.of(c.text().split("\n", -1))));
        }
      }
      return out;
    }

    @Override
    public List<ObjectNode> howTo(Section.HowTo s) {
      List<ObjectNode> out = new ArrayList<>();
      for (Section.Way w : s.ways()) {
        out.add(textBlock(w.platform().label()).put("weight", "Bolder"));
        List<String> lines = new ArrayList<>();
        w.lines().forEach(l -> lines.addAll(List.of(l.split("\n", -1))));
        out.addAll(code(lines));
      }
      return out;
    }

    @Override
    public List<ObjectNode> findings(Section.Findings s) {
      List<ObjectNode> out = new ArrayList<>();
      if (s.title() != null && !s.title().isBlank()) {
        out.addAll(texts(s.title(), b -> b.put("weight", "Bolder")));
      }
      for (Section.Finding f : s.rows()) {
        ObjectNode container = JSON.createObjectNode().put("type", "Container").put("spacing", "Medium");
        ArrayNode items = container.putArray("items");
        String mark = switch (f.status()) {
          case CONFIRMED -> "🔴";
          case SUSPECTED -> "🟡";
          case RULED_OUT -> "⚪";
        };
        ObjectNode head = textBlock(cut(mark + " " + f.title() + " — " + f.status().id(), MAX_TEXT)).put("weight", "Bolder");
        switch (f.status()) {
          case CONFIRMED -> head.put("color", "Attention");
          case SUSPECTED -> head.put("color", "Warning");
          case RULED_OUT -> head.put("isSubtle", true);
        }
        items.add(head);
        for (String e : f.evidence()) {
          texts("• " + e, b -> b.put("spacing", "Small")).forEach(items::add);
        }
        out.add(container);
      }
      return out;
    }

    @Override
    public List<ObjectNode> buttons(Section.Buttons s) {
      ObjectNode set = JSON.createObjectNode().put("type", "ActionSet");
      ArrayNode actions = set.putArray("actions");
      for (Section.Button b : s.buttons()) {
        ObjectNode data = JSON.createObjectNode().put("lbt", "answer").put("question", s.id()).put("value", b.value())
            .put("label", cut(b.label(), MAX_LABEL)).put("q", cut(question, 300));
        ObjectNode submit = JSON.createObjectNode().put("type", "Action.Submit").put("title", cut(b.label(), MAX_LABEL));
        submit.set("data", data.deepCopy());
        ObjectNode execute = JSON.createObjectNode().put("type", "Action.Execute").put("title", cut(b.label(), MAX_LABEL))
            .put("verb", ANSWER_VERB);
        execute.set("data", data);
        execute.set("fallback", submit);
        actions.add(execute);
      }
      return List.of(set);
    }

    @Override
    public List<ObjectNode> context(Section.Context s) {
      return texts(s.text(), b -> b.put("isSubtle", true).put("size", "Small"));
    }

    @Override
    public List<ObjectNode> notice(Section.Notice s) {
      String mark = switch (s.level()) {
        case INFO -> "ℹ️ ";
        case WARNING -> "⚠️ ";
        case ERROR -> "❌ ";
      };
      String color = switch (s.level()) {
        case INFO -> "Default";
        case WARNING -> "Warning";
        case ERROR -> "Attention";
      };
      return texts(mark + s.text(), b -> b.put("color", color));
    }
  }

  /**
   * One TextBlock per line (a single line break inside a TextBlock is not shown by every client), a long line cut
   * into pieces of at most {@value #MAX_TEXT} characters; each styled. Lines after the first sit close under it, a
   * blank line leaves a gap.
   */
  private static List<ObjectNode> texts(String text, java.util.function.Consumer<ObjectNode> style) {
    List<ObjectNode> out = new ArrayList<>();
    boolean gap = false;
    for (String line : (text == null ? "" : text).split("\r?\n")) {
      if (line.isBlank()) {
        gap = !out.isEmpty();
        continue;
      }
      for (String piece : pieces(line)) {
        ObjectNode block = textBlock(piece);
        style.accept(block);
        if (!out.isEmpty()) {
          block.put("spacing", gap ? "Medium" : "None");
        }
        gap = false;
        out.add(block);
      }
    }
    if (out.isEmpty()) {
      ObjectNode block = textBlock(" ");
      style.accept(block);
      out.add(block);
    }
    return out;
  }

  /** Lines of code as monospace runs, {@value #MAX_CODE_LINES} lines to a container (so a long one can be split). */
  private static List<ObjectNode> code(List<String> lines) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += MAX_CODE_LINES) {
      ObjectNode container = JSON.createObjectNode().put("type", "Container").put("style", "emphasis").put("spacing", "Small");
      ArrayNode items = container.putArray("items");
      for (String line : lines.subList(i, Math.min(lines.size(), i + MAX_CODE_LINES))) {
        ObjectNode rich = JSON.createObjectNode().put("type", "RichTextBlock").put("spacing", "None");
        // an empty run would collapse the line; a no-break space keeps it
        rich.putArray("inlines").addObject().put("type", "TextRun").put("text", line.isEmpty() ? "\u00a0" : cut(line, MAX_TEXT))
            .put("fontType", "Monospace");
        items.add(rich);
      }
      out.add(container);
    }
    return out;
  }

  static ObjectNode textBlock(String text) {
    return JSON.createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  /** Text cut into pieces of at most {@value #MAX_TEXT} characters, at a line break or space when there is one. */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    String rest = text == null ? "" : text;
    while (rest.length() > MAX_TEXT) {
      int at = rest.lastIndexOf('\n', MAX_TEXT);
      if (at < MAX_TEXT / 2) {
        at = rest.lastIndexOf(' ', MAX_TEXT);
      }
      if (at < MAX_TEXT / 2) {
        at = MAX_TEXT;
        if (Character.isHighSurrogate(rest.charAt(at - 1))) {
          at--;
        }
      }
      out.add(rest.substring(0, at));
      rest = rest.substring(at).stripLeading();
    }
    out.add(rest);
    return out;
  }

  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
