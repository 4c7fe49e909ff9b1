package dev.lbtriage.bot.cli;

import picocli.CommandLine.Option;

/**
 * {@code -o/--output text|json|table|tsv|yaml} (also {@code --format}), shared by the commands that
 * print data, as {@code az} and {@code kubectl} spell it.
 */
public final class FormatOption {

  /** How a command prints: for a person, for a program, or compact rows to paste or to cut. */
  public enum Format {
    text,
    json,
    table,
    tsv,
    yaml
  }

  @Option(
      names = {"-o", "--output", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (for a person, default), json or yaml (complete, for scripts; stdout holds only that), "
          + "table (compact rows to paste into an incident channel) or tsv (the same rows, tab-separated, for cut and awk).")
  Format format = Format.text;

  public boolean json() {
    return format == Format.json;
  }

  /** True for every format but text: stdout holds only the data, notes go to stderr or are left out. */
  public boolean data() {
    return format != Format.text;
  }

  public Format format() {
    return format;
  }
}
