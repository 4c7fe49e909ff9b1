package dev.lbtriage.bot.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by the commands that print a report. */
public final class FormatOption {

  /** How a command prints: for a person, or for a program. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "Output format: text (for a person, default) or json (complete, for scripts; stdout holds only the JSON).")
  Format format = Format.text;

  public boolean json() {
    return format == Format.json;
  }
}
