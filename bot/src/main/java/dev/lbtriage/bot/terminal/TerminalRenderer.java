package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.List;

/**
 * Turns the engine's {@link Reply}s into text for a terminal (every {@link Section} type through a
 * {@link Section.Visitor}, so the compiler checks none is missed): short wrapped lines, colour only when
 * {@link Style#color()}. Stateful only for progress: on a terminal ({@code inPlace}) a progress
 * update rewrites one line with {@code \r}; otherwise each step is printed once, as a plain line.
 * Not thread-safe: one renderer per output.
 */
public final class TerminalRenderer {
  private static final int SHORT_CHOICE = 14;
  private final Style style;
  private final boolean inPlace;
  private final int width;
  private boolean progressOpen;
  private String lastStep;

  public TerminalRenderer(Style style, boolean inPlace, int width) {
    this.style = style;
    this.inPlace = inPlace;
    this.width = width;
  }

  /** Plain text, no colour, progress as plain lines: for pipes, files and golden tests. */
  public static TerminalRenderer plain() {
    return new TerminalRenderer(Style.PLAIN, false, Wrap.WIDTH);
  }

  /** The text to write for a reply; every reply but an in-place progress line ends with a newline. */
  public String render(Reply reply) {
    if (reply instanceof Reply.ProgressUpdate p) {
      return progress(p);
    }
    if (reply instanceof Reply.Attachment a) {
      return saved(a, null);
    }
    String body = reply instanceof Reply.Prompt p ? prompt(p) : render(((Reply.Say) reply).message());
    return closeProgress() + body;
  }

  /**
   * The line for a file the conversation handed over: where it was written and what it is ({@code where} null: it
   * was not written, e.g. for a face that only shows text).
   */
  public String saved(Reply.Attachment a, java.nio.file.Path where) {
    String what = a.caption() == null ? a.name() : a.caption();
    return closeProgress() + notice(new Section.Notice(Section.Level.INFO, where == null ? what + " (" + a.name() + ", not written here)"
        : "Wrote " + where + " (" + kilobytes(a.bytes().length) + "). " + what));
  }

  private static String kilobytes(int bytes) {
    return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KB";
  }

  /** A message: its title as a heading, then each section. */
  public String render(Message m) {
    StringBuilder b = new StringBuilder();
    if (m.title() != null && !m.title().isBlank()) {
      b.append(heading(m.title()));
    }
    Sections v = new Sections();
    for (Section s : m.sections()) {
      b.append(s.accept(v));
    }
    return b.toString();
  }

  /** A notice on its own (for the face's own lines: "Cancelled", "Bye"). */
  public String notice(Section.Level level, String text) {
    return closeProgress() + notice(new Section.Notice(level, text));
  }

  private String heading(String text) {
    return "\n" + style.bold(Wrap.lines("== " + text.strip(), "", width).stripTrailing()) + "\n";
  }

  /** Each section type as terminal text, ending with a newline. */
  private final class Sections implements Section.Visitor<String> {
    @Override
    public String heading(Section.Heading h) {
      return TerminalRenderer.this.heading(h.text());
    }

    @Override
    public String text(Section.Text t) {
      return Wrap.lines(t.text(), "", width);
    }

    @Override
    public String bullets(Section.Bullets l) {
      StringBuilder b = new StringBuilder();
      l.items().forEach(i -> b.append(Wrap.lines("- " + i, "", width)));
      return b.toString();
    }

    @Override
    public String steps(Section.Steps l) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < l.items().size(); i++) {
        b.append(Wrap.lines((i + 1) + ". " + l.items().get(i), "", width));
      }
      return b.toString();
    }

    @Override
    public String commands(Section.Commands c) {
      StringBuilder b = new StringBuilder("\n");
      if (c.caption() != null && !c.caption().isBlank()) {
        b.append(style.dim(c.caption().strip() + ":")).append('\n');
      }
      String comment = c.shell() == Section.Shell.CMD ? "REM " : "# ";
      StringBuilder code = new StringBuilder();
      for (Section.Command cmd : c.commands()) {
        code.append(code.length() == 0 ? "" : "\n\n").append(cmd.description() == null ? "" : comment + cmd.description() + "\n")
            .append(cmd.text());
      }
      return b.append(indent(code.toString(), "    ")).toString();
    }

    @Override
    public String howTo(Section.HowTo h) {
      return ways(h.ways(), "  ");
    }

    @Override
    public String findings(Section.Findings f) {
      return TerminalRenderer.this.findings(f);
    }

    @Override
    public String buttons(Section.Buttons bs) {
      if (bs.offer()) {
        return String.join("", bs.buttons().stream().map(x -> Wrap.lines("→ " + x.label() + ": say \"" + x.value() + "\"", "  ", width))
            .toList());
      }
      return choices(bs.buttons().stream().map(x -> new Reply.Choice(x.label(), x.value())).toList());
    }

    @Override
    public String context(Section.Context c) {
      return style.dim(Wrap.lines(c.text(), "", width).stripTrailing()) + "\n";
    }

    @Override
    public String notice(Section.Notice n) {
      return TerminalRenderer.this.notice(n);
    }
  }

  /** Whether a prompt's choices are shown inline, as {@code [yes/no/I don't know]}, rather than numbered. */
  public static boolean inline(List<Reply.Choice> choices) {
    return choices.stream().allMatch(c -> c.value().length() <= SHORT_CHOICE && c.label().length() <= SHORT_CHOICE);
  }

  /** Ends an open in-place progress line (before other output, or at the end). */
  public String closeProgress() {
    lastStep = null;
    if (progressOpen) {
      progressOpen = false;
      return "\n";
    }
    return "";
  }

  private String progress(Reply.ProgressUpdate p) {
    String line = "... " + p.step() + (p.total() > 0 ? " (" + p.done() + "/" + p.total() + ")" : "");
    if (inPlace) {
      boolean last = p.total() > 0 && p.done() >= p.total();
      progressOpen = !last;
      return "\r" + style.dim(line) + "\u001b[K" + (last ? "\n" : "");
    }
    if (p.step().equals(lastStep)) {
      return "";
    }
    lastStep = p.step();
    return line + "\n";
  }

  private String prompt(Reply.Prompt p) {
    StringBuilder b = new StringBuilder("\n");
    b.append(style.bold(Wrap.lines("? " + p.text(), "", width).stripTrailing())).append('\n');
    if (p.why() != null && !p.why().isBlank()) {
      b.append(style.dim(Wrap.lines("why: " + p.why(), "  ", width).stripTrailing())).append('\n');
    }
    if (!p.how().isEmpty()) {
      b.append("  how to check:\n").append(ways(p.how(), "    "));
    }
    return b.append(choices(p.choices())).toString();
  }

  private String ways(List<Section.Way> ways, String indent) {
    StringBuilder b = new StringBuilder();
    for (Section.Way h : ways) {
      b.append(indent).append(style.cyan(h.platform().label())).append(":\n");
      b.append(indent(h.text(), indent + "  "));
    }
    return b.toString();
  }

  private String choices(List<Reply.Choice> cs) {
    StringBuilder b = new StringBuilder();
    if (cs.size() == 1) {
      b.append("  (answer in your own words, or: ").append(cs.get(0).value()).append(")\n");
    } else if (!cs.isEmpty() && inline(cs)) {
      b.append("  [").append(String.join("/", cs.stream().map(Reply.Choice::value).toList())).append("]\n");
    } else {
      for (int i = 0; i < cs.size(); i++) {
        b.append(Wrap.lines((i + 1) + ". " + cs.get(i).label(), "  ", width));
      }
    }
    return b.toString();
  }

  private String findings(Section.Findings f) {
    StringBuilder b = new StringBuilder(style.bold(f.title())).append('\n');
    if (f.rows().isEmpty()) {
      b.append("  (no causes apply)\n");
    }
    for (Section.Finding r : f.rows()) {
      String tag = r.status().id().toUpperCase(java.util.Locale.ROOT);
      String row = Wrap.lines(String.format("%-10s", tag) + " " + r.title() + " (" + r.cause() + ")", "  ", width);
      b.append(row.replaceFirst(java.util.regex.Pattern.quote(tag), java.util.regex.Matcher.quoteReplacement(style.status(r.status().id()))));
      for (String e : r.evidence()) {
        b.append(Wrap.lines("- " + e, "      ", width));
      }
    }
    return b.toString();
  }

  private String notice(Section.Notice n) {
    String tag = switch (n.level()) {
      case INFO -> "note:";
      case WARNING -> "warning:";
      case ERROR -> "error:";
    };
    String coloured = switch (n.level()) {
      case INFO -> style.cyan(tag);
      case WARNING -> style.yellow(tag);
      case ERROR -> style.red(tag);
    };
    StringBuilder b = new StringBuilder();
    String[] paragraphs = n.text().split("\n", -1);
    for (int i = 0; i < paragraphs.length; i++) {
      List<String> lines = Wrap.wrap((i == 0 ? tag + " " : "  ") + paragraphs[i], width);
      for (int j = 0; j < lines.size(); j++) {
        b.append(j == 0 && i == 0 ? "" : "  ").append(lines.get(j).strip()).append('\n');
      }
    }
    return coloured + b.substring(tag.length());
  }

  private static String indent(String text, String indent) {
    StringBuilder b = new StringBuilder();
    for (String line : text.stripTrailing().split("\n", -1)) {
      b.append(line.isBlank() ? "" : indent + line.stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
