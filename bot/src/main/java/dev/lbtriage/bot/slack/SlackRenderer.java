package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.slack.Mrkdwn.escape;
import static dev.lbtriage.bot.slack.Mrkdwn.splitEscaped;
import static dev.lbtriage.bot.slack.Mrkdwn.truncate;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.MarkdownRenderer;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a platform-neutral {@link Reply} into Slack Block Kit blocks, within Slack's limits: section text at most
 * {@value #MAX_SECTION_CHARS} characters (longer text is split over several sections), and a reply whose text is
 * over {@value #UPLOAD_THRESHOLD_CHARS} characters is uploaded as a file instead (see {@link #asUpload}). Split a
 * long block list into messages with {@link #messages}. All user and engine text is escaped.
 */
public final class SlackRenderer {

  public static final int MAX_BLOCKS = 50;
  public static final int MAX_SECTION_CHARS = 3000;
  public static final int MAX_CONTEXT_CHARS = 2000;
  public static final int UPLOAD_THRESHOLD_CHARS = 12_000;
  /** Buttons of a prompt: {@code lbt_answer_0}, {@code lbt_answer_1}, ...; the value is the answer. */
  public static final String ANSWER_ACTION_PREFIX = "lbt_answer_";
  /** The "Why?" button; sends {@value #WHY_TEXT}. */
  public static final String WHY_ACTION = "lbt_why";
  public static final String WHY_TEXT = "why?";

  private static final int MAX_BUTTONS_PER_BLOCK = 25;
  private static final String FENCE = "```";

  /** The blocks of one reply (possibly more than {@value #MAX_BLOCKS}; see {@link #messages}). */
  public List<LayoutBlock> render(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (reply instanceof Reply.Say say) {
      render(blocks, say.message());
    } else if (reply instanceof Reply.Prompt p) {
      prompt(blocks, p);
    } else if (reply instanceof Reply.Attachment a) {
      blocks.add(context(Mrkdwn.escape(a.caption() == null ? a.name() : a.caption())));
    } else {
      blocks.add(context(progressText((Reply.ProgressUpdate) reply)));
    }
    return blocks;
  }

  /** The blocks of one message: the title as a header, then every section (each type handled, compiler-checked). */
  public List<LayoutBlock> render(Message m) {
    List<LayoutBlock> blocks = new ArrayList<>();
    render(blocks, m);
    return blocks;
  }

  private void render(List<LayoutBlock> blocks, Message m) {
    if (m.title() != null && !m.title().isBlank()) {
      blocks.add(HeaderBlock.builder().text(plain(truncate(m.title(), 150))).build());
    }
    Sections v = new Sections(blocks);
    for (Section s : m.sections()) {
      s.accept(v);
    }
  }

  /** The plain {@code text} sent with the blocks (notifications, screen readers). */
  public String fallbackText(Reply reply) {
    String text;
    if (reply instanceof Reply.Say say) {
      text = fallbackText(say.message());
    } else if (reply instanceof Reply.Prompt p) {
      text = p.text();
    } else if (reply instanceof Reply.Attachment a) {
      text = a.caption() == null ? a.name() : a.caption();
    } else {
      text = progressText((Reply.ProgressUpdate) reply);
    }
    return truncate(text, 300);
  }

  private static String fallbackText(Message m) {
    if (m.title() != null && !m.title().isBlank()) {
      return m.title();
    }
    for (Section s : m.sections()) {
      if (s instanceof Section.Text t) {
        return t.text();
      } else if (s instanceof Section.Heading h) {
        return h.text();
      } else if (s instanceof Section.Notice n) {
        return n.text();
      } else if (s instanceof Section.Findings f && f.title() != null) {
        return f.title();
      } else if (s instanceof Section.Commands c) {
        return c.caption() != null ? c.caption() : "Code";
      }
    }
    return "lb-triage";
  }

  /** Splits blocks into messages of at most {@value #MAX_BLOCKS} blocks. */
  public static List<List<LayoutBlock>> messages(List<LayoutBlock> blocks) {
    List<List<LayoutBlock>> messages = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
      messages.add(List.copyOf(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS))));
    }
    return messages;
  }

  /**
   * The file to upload instead of messages when the reply's text is over {@value #UPLOAD_THRESHOLD_CHARS}: a message
   * that is one block of commands or output uploads that text; any other long message its Markdown. A file the
   * conversation hands over ({@link Reply.Attachment}, the support-case bundle) is always uploaded, bytes as they are.
   */
  public Optional<FileUpload> asUpload(Reply reply) {
    if (reply instanceof Reply.Attachment a) {
      return Optional.of(new FileUpload(a.name(), truncate(a.name(), 200), a.bytes(),
          ":package: " + Mrkdwn.escape(a.caption() == null ? a.name() : a.caption())));
    }
    if (!(reply instanceof Reply.Say say)) {
      return Optional.empty();
    }
    Message m = say.message();
    if (m.title() == null && m.sections().size() == 1 && m.sections().get(0) instanceof Section.Commands c) {
      String code = code(c);
      if (code.length() <= UPLOAD_THRESHOLD_CHARS) {
        return Optional.empty();
      }
      String what = c.caption() != null ? c.caption() : "The output";
      return Optional.of(
          new FileUpload(
              "output." + extension(c.shell()),
              c.caption() != null ? truncate(c.caption(), 200) : "Output",
              code,
              ":page_facing_up: " + escape(what) + " is too long for a message; attached as a file."));
    }
    String md = MarkdownRenderer.render(m);
    if (md.length() > UPLOAD_THRESHOLD_CHARS) {
      return Optional.of(new FileUpload("reply.md", m.title() != null ? truncate(m.title(), 200) : "Reply", md,
          ":page_facing_up: The reply is too long for a message; attached as a file."));
    }
    return Optional.empty();
  }

  /** The commands of a section as one text: each as a comment line with its description, then the command. */
  static String code(Section.Commands c) {
    String comment = c.shell() == Section.Shell.CMD ? "REM " : "# ";
    StringBuilder b = new StringBuilder();
    for (Section.Command cmd : c.commands()) {
      b.append(b.length() == 0 ? "" : "\n\n").append(cmd.description() == null ? "" : comment + cmd.description() + "\n").append(cmd.text());
    }
    return b.toString();
  }

  /** Each section type as blocks. */
  private final class Sections implements Section.Visitor<Void> {
    private final List<LayoutBlock> blocks;

    Sections(List<LayoutBlock> blocks) {
      this.blocks = blocks;
    }

    @Override
    public Void heading(Section.Heading h) {
      sections(blocks, "*", h.text(), "*");
      return null;
    }

    @Override
    public Void text(Section.Text t) {
      sections(blocks, "", t.text(), "");
      return null;
    }

    @Override
    public Void bullets(Section.Bullets l) {
      sections(blocks, "", String.join("\n", l.items().stream().map(i -> "\u2022 " + i).toList()), "");
      return null;
    }

    @Override
    public Void steps(Section.Steps l) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < l.items().size(); i++) {
        b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(l.items().get(i));
      }
      sections(blocks, "", b.toString(), "");
      return null;
    }

    @Override
    public Void commands(Section.Commands c) {
      code(blocks, c.caption(), code(c));
      return null;
    }

    @Override
    public Void howTo(Section.HowTo h) {
      for (Section.Way w : h.ways()) {
        code(blocks, w.platform().label(), w.text());
      }
      return null;
    }

    @Override
    public Void findings(Section.Findings f) {
      SlackRenderer.this.findings(blocks, f);
      return null;
    }

    @Override
    public Void buttons(Section.Buttons bs) {
      List<BlockElement> buttons = new ArrayList<>();
      for (int i = 0; i < bs.buttons().size(); i++) {
        buttons.add(button(ANSWER_ACTION_PREFIX + i, bs.buttons().get(i).label(), bs.buttons().get(i).value()));
      }
      actions(blocks, bs.id(), buttons);
      return null;
    }

    @Override
    public Void context(Section.Context c) {
      for (String piece : splitEscaped(c.text(), MAX_CONTEXT_CHARS - 10)) {
        blocks.add(SlackRenderer.context(piece));
      }
      return null;
    }

    @Override
    public Void notice(Section.Notice n) {
      sections(blocks, noticeEmoji(n.level()) + " ", n.text(), "");
      return null;
    }
  }

  static String progressText(Reply.ProgressUpdate u) {
    String count = u.total() > 0 ? " (" + u.done() + "/" + u.total() + ")" : "";
    String emoji = u.total() > 0 && u.done() >= u.total() ? ":white_check_mark:" : ":hourglass_flowing_sand:";
    return emoji + " " + escape(u.step()) + count;
  }

  private void prompt(List<LayoutBlock> blocks, Reply.Prompt p) {
    sections(blocks, "*", p.text(), "*");
    if (p.why() != null && !p.why().isBlank()) {
      for (String piece : splitEscaped(p.why(), MAX_CONTEXT_CHARS - 20)) {
        blocks.add(context(":bulb: _" + piece + "_"));
      }
    }
    for (Section.Way how : p.how()) {
      code(blocks, how.platform().label(), how.text());
    }
    List<BlockElement> buttons = new ArrayList<>();
    for (int i = 0; i < p.choices().size(); i++) {
      Reply.Choice choice = p.choices().get(i);
      buttons.add(button(ANSWER_ACTION_PREFIX + i, choice.label(), choice.value()));
    }
    if (p.choices().stream().noneMatch(c -> c.value().strip().replaceAll("\\?$", "").equalsIgnoreCase("why"))) {
      buttons.add(button(WHY_ACTION, "Why?", WHY_TEXT));
    }
    actions(blocks, p.id(), buttons);
  }

  private static void actions(List<LayoutBlock> blocks, String id, List<BlockElement> buttons) {
    for (int i = 0; i < buttons.size(); i += MAX_BUTTONS_PER_BLOCK) {
      blocks.add(
          ActionsBlock.builder()
              .blockId(truncate("lbt_prompt:" + id + ":" + (i / MAX_BUTTONS_PER_BLOCK), 255))
              .elements(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS_PER_BLOCK))))
              .build());
    }
  }

  private void findings(List<LayoutBlock> blocks, Section.Findings f) {
    if (f.title() != null && !f.title().isBlank()) {
      blocks.add(HeaderBlock.builder().text(plain(truncate(f.title(), 150))).build());
    }
    for (Section.Finding row : f.rows()) {
      StringBuilder raw = new StringBuilder(row.title()).append(" (").append(row.status().id().replace('-', ' ')).append(")");
      for (String evidence : row.evidence()) {
        raw.append("\n• ").append(evidence);
      }
      List<String> pieces = splitEscaped(raw.toString(), MAX_SECTION_CHARS - 40);
      String first = pieces.get(0);
      int cut = first.indexOf('\n');
      String heading = cut < 0 ? first : first.substring(0, cut);
      String rest = cut < 0 ? "" : first.substring(cut);
      blocks.add(section(statusEmoji(row.status()) + " *" + heading + "*" + rest));
      for (String piece : pieces.subList(1, pieces.size())) {
        blocks.add(section(piece));
      }
    }
  }

  private void code(List<LayoutBlock> blocks, String caption, String code) {
    String head = caption == null || caption.isBlank() ? "" : "*" + escape(truncate(caption, 200)) + "*\n";
    List<String> pieces = splitEscaped(code, MAX_SECTION_CHARS - head.length() - 2 * FENCE.length() - 2);
    for (int i = 0; i < pieces.size(); i++) {
      blocks.add(section((i == 0 ? head : "") + FENCE + "\n" + pieces.get(i) + "\n" + FENCE));
    }
  }

  private void sections(List<LayoutBlock> blocks, String before, String raw, String after) {
    List<String> pieces = splitEscaped(raw, MAX_SECTION_CHARS - before.length() - after.length() - 2);
    for (String piece : pieces) {
      if (!piece.isBlank()) {
        blocks.add(section(before + piece + after));
      } else if (pieces.size() == 1) {
        blocks.add(section(before.isBlank() ? "_(empty)_" : before + "_(empty)_"));
      }
    }
  }

  private static String statusEmoji(Section.Status status) {
    return switch (status) {
      case CONFIRMED -> ":red_circle:";
      case SUSPECTED -> ":large_yellow_circle:";
      case RULED_OUT -> ":white_circle:";
    };
  }

  private static String noticeEmoji(Section.Level level) {
    return switch (level) {
      case INFO -> ":information_source:";
      case WARNING -> ":warning:";
      case ERROR -> ":x:";
    };
  }

  private static String extension(Section.Shell shell) {
    return switch (shell) {
      case BASH -> "sh";
      case POWERSHELL -> "ps1";
      case CMD -> "cmd";
      case TEXT -> "txt";
    };
  }

  private static ButtonElement button(String actionId, String label, String value) {
    return ButtonElement.builder().actionId(actionId).text(plain(truncate(label, 75))).value(truncate(value, 2000)).build();
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
  }

  private static ContextBlock context(String mrkdwn) {
    return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(mrkdwn).build())).build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }
}
