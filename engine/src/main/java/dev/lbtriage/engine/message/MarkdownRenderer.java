package dev.lbtriage.engine.message;

import java.util.List;

/**
 * A {@link Message} as CommonMark (GitHub-flavoured tables), for a support bundle, a Teams text
 * block or a ticket. Every section type is rendered; texts are escaped where Markdown would read
 * them as markup, commands go in fenced blocks, platforms of a how-to each get their own block.
 */
public final class MarkdownRenderer {

  private MarkdownRenderer() {}

  public static String render(Message m) {
    StringBuilder b = new StringBuilder();
    if (m.title() != null && !m.title().isBlank()) {
      b.append("## ").append(escape(m.title())).append("\n\n");
    }
    for (Section s : m.sections()) {
      section(s, b);
      b.append('\n');
    }
    return b.toString().stripTrailing() + "\n";
  }

  private static void section(Section s, StringBuilder b) {
    b.append(s.accept(new Visitor()));
  }

  /** Each section type as Markdown, ending with a newline. */
  private static final class Visitor implements Section.Visitor<String> {
    @Override
    public String heading(Section.Heading h) {
      return "### " + escape(h.text()) + "\n";
    }

    @Override
    public String text(Section.Text t) {
      return paragraph(t.text()) + "\n";
    }

    @Override
    public String bullets(Section.Bullets l) {
      StringBuilder b = new StringBuilder();
      l.items().forEach(i -> b.append("- ").append(indent(escape(i), "  ")).append('\n'));
      return b.toString();
    }

    @Override
    public String steps(Section.Steps l) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < l.items().size(); i++) {
        b.append(i + 1).append(". ").append(indent(escape(l.items().get(i)), "   ")).append('\n');
      }
      return b.toString();
    }

    @Override
    public String commands(Section.Commands c) {
      StringBuilder b = new StringBuilder();
      if (c.caption() != null) {
        b.append("**").append(escape(c.caption())).append("**\n\n");
      }
      b.append(fence(c.shell())).append('\n');
      for (int i = 0; i < c.commands().size(); i++) {
        Section.Command cmd = c.commands().get(i);
        b.append(i == 0 ? "" : "\n");
        if (cmd.description() != null) {
          b.append(comment(c.shell())).append(cmd.description()).append('\n');
        }
        b.append(cmd.text()).append('\n');
      }
      return b.append("```\n").toString();
    }

    @Override
    public String howTo(Section.HowTo h) {
      StringBuilder b = new StringBuilder();
      for (Section.Way w : h.ways()) {
        b.append(b.length() == 0 ? "" : "\n").append("**").append(w.platform().label()).append("**\n\n");
        b.append(switch (w.platform()) {
          case WINDOWS -> "```powershell";
          case LINUX -> "```bash";
          case AZURE -> "```text";
        }).append('\n').append(w.text()).append("\n```\n");
      }
      return b.toString();
    }

    @Override
    public String findings(Section.Findings f) {
      StringBuilder b = new StringBuilder();
      if (f.title() != null) {
        b.append("**").append(escape(f.title())).append("**\n\n");
      }
      b.append("| Cause | Status | Evidence |\n| --- | --- | --- |\n");
      for (Section.Finding r : f.rows()) {
        b.append("| ").append(cell(r.title())).append(" (`").append(r.cause()).append("`) | ").append(r.status().id())
            .append(" | ").append(cell(String.join("; ", r.evidence()))).append(" |\n");
      }
      return b.toString();
    }

    @Override
    public String buttons(Section.Buttons bs) {
      if (bs.offer()) {
        return String.join("", bs.buttons().stream().map(x -> escape(x.label()) + ": say `" + x.value().replace("`", "'") + "`\n").toList());
      }
      List<String> labels = bs.buttons().stream().map(x -> "`" + x.label().replace("`", "'") + "`").toList();
      return "Answer: " + String.join(" · ", labels) + "\n";
    }

    @Override
    public String context(Section.Context c) {
      return "_" + escape(c.text()).replace("\n", " ") + "_\n";
    }

    @Override
    public String notice(Section.Notice n) {
      String label = switch (n.level()) {
        case INFO -> "Note";
        case WARNING -> "Warning";
        case ERROR -> "Error";
      };
      return "> **" + label + ":** " + escape(n.text()).replace("\n", "\n> ") + "\n";
    }
  }

  private static String fence(Section.Shell shell) {
    return switch (shell) {
      case BASH -> "```bash";
      case POWERSHELL -> "```powershell";
      case CMD -> "```bat";
      case TEXT -> "```text";
    };
  }

  private static String comment(Section.Shell shell) {
    return switch (shell) {
      case BASH, POWERSHELL, TEXT -> "# ";
      case CMD -> "REM ";
    };
  }

  /** A paragraph: its line breaks kept as Markdown hard breaks. */
  private static String paragraph(String text) {
    return escape(text).replace("\n", "  \n");
  }

  private static String indent(String text, String by) {
    return text.replace("\n", "  \n" + by);
  }

  private static String cell(String text) {
    return escape(text).replace("|", "\\|").replace("\n", " ");
  }

  /** Escapes the characters Markdown would read as markup in running text. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      if ("\\`*_[]<>#".indexOf(ch) >= 0) {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
