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
    if (reply instanceof Reply.Text t) {
      sections(blocks, t.emphasis() ? "*" : "", t.text(), t.emphasis() ? "*" : "");
    } else if (reply instanceof Reply.Prompt p) {
      prompt(blocks, p);
    } else if (reply instanceof Reply.FindingsTable f) {
      findings(blocks, f);
    } else if (reply instanceof Reply.Code c) {
      code(blocks, c.caption(), c.code());
    } else if (reply instanceof Reply.ProgressUpdate u) {
      blocks.add(context(progressText(u)));
    } else if (reply instanceof Reply.Notice n) {
      sections(blocks, noticeEmoji(n.level()) + " ", n.text(), "");
    }
    return blocks;
  }

  /** The plain {@code text} sent with the blocks (notifications, screen readers). */
  public String fallbackText(Reply reply) {
    String text = "";
    if (reply instanceof Reply.Text t) {
      text = t.text();
    } else if (reply instanceof Reply.Prompt p) {
      text = p.text();
    } else if (reply instanceof Reply.FindingsTable f) {
      text = f.title();
    } else if (reply instanceof Reply.Code c) {
      text = c.caption() != null ? c.caption() : "Code";
    } else if (reply instanceof Reply.ProgressUpdate u) {
      text = progressText(u);
    } else if (reply instanceof Reply.Notice n) {
      text = n.text();
    }
    return truncate(text, 300);
  }

  /** Splits blocks into messages of at most {@value #MAX_BLOCKS} blocks. */
  public static List<List<LayoutBlock>> messages(List<LayoutBlock> blocks) {
    List<List<LayoutBlock>> messages = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
      messages.add(List.copyOf(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS))));
    }
    return messages;
  }

  /** The file to upload instead of messages when the reply's text is over {@value #UPLOAD_THRESHOLD_CHARS}. */
  public Optional<FileUpload> asUpload(Reply reply) {
    if (reply instanceof Reply.Code c && c.code().length() > UPLOAD_THRESHOLD_CHARS) {
      String what = c.caption() != null ? c.caption() : "The output";
      return Optional.of(
          new FileUpload(
              "output." + extension(c.language()),
              c.caption() != null ? truncate(c.caption(), 200) : "Output",
              c.code(),
              ":page_facing_up: " + escape(what) + " is too long for a message; attached as a file."));
    }
    if (reply instanceof Reply.Text t && t.text().length() > UPLOAD_THRESHOLD_CHARS) {
      return Optional.of(
          new FileUpload("reply.txt", "Reply", t.text(), ":page_facing_up: The reply is too long for a message; attached as a file."));
    }
    return Optional.empty();
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
    for (Reply.How how : p.how()) {
      code(blocks, how.label(), how.commands());
    }
    List<BlockElement> buttons = new ArrayList<>();
    for (int i = 0; i < p.choices().size(); i++) {
      Reply.Choice choice = p.choices().get(i);
      buttons.add(button(ANSWER_ACTION_PREFIX + i, choice.label(), choice.value()));
    }
    if (p.choices().stream().noneMatch(c -> c.value().strip().replaceAll("\\?$", "").equalsIgnoreCase("why"))) {
      buttons.add(button(WHY_ACTION, "Why?", WHY_TEXT));
    }
    for (int i = 0; i < buttons.size(); i += MAX_BUTTONS_PER_BLOCK) {
      blocks.add(
          ActionsBlock.builder()
              .blockId(truncate("lbt_prompt:" + p.id() + ":" + (i / MAX_BUTTONS_PER_BLOCK), 255))
              .elements(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS_PER_BLOCK))))
              .build());
    }
  }

  private void findings(List<LayoutBlock> blocks, Reply.FindingsTable f) {
    blocks.add(HeaderBlock.builder().text(plain(truncate(f.title(), 150))).build());
    for (Reply.FindingsTable.Row row : f.rows()) {
      StringBuilder raw = new StringBuilder(row.title()).append(" (").append(String.valueOf(row.status()).replace('-', ' ')).append(")");
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

  private static String statusEmoji(String status) {
    if ("confirmed".equals(status)) {
      return ":red_circle:";
    }
    if ("suspected".equals(status)) {
      return ":large_yellow_circle:";
    }
    return "ruled-out".equals(status) ? ":white_circle:" : ":grey_question:";
  }

  private static String noticeEmoji(Reply.Notice.Level level) {
    return switch (level) {
      case INFO -> ":information_source:";
      case WARNING -> ":warning:";
      case ERROR -> ":x:";
    };
  }

  private static String extension(String language) {
    return switch (language == null ? "" : language.toLowerCase(java.util.Locale.ROOT)) {
      case "bash", "sh", "shell" -> "sh";
      case "powershell", "pwsh" -> "ps1";
      case "json" -> "json";
      default -> "txt";
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
