package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints what a command found in the format asked for: {@code json} and {@code yaml} from the same
 * tree, {@code table} and {@code tsv} from the same rows, {@code text} as the command writes it.
 */
public final class Output {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private Output() {}

  /** Rows with a header; the compact form of a command's result. */
  public record Rows(List<String> header, List<List<String>> rows) {
    public static Rows of(String... header) {
      return new Rows(List.of(header), new ArrayList<>());
    }

    public Rows add(Object... cells) {
      List<String> r = new ArrayList<>();
      for (Object c : cells) {
        r.add(c == null ? "" : String.valueOf(c));
      }
      rows.add(r);
      return this;
    }
  }

  /**
   * @param tree the complete result (json, yaml)
   * @param rows its compact rows (table, tsv)
   * @param text the text for a person
   */
  public static void print(PrintWriter out, FormatOption f, Supplier<Object> tree, Supplier<Rows> rows, Runnable text) {
    switch (f.format()) {
      case json -> JsonOutput.print(out, tree.get());
      case yaml -> {
        out.print(yaml(tree.get()));
        out.flush();
      }
      case table -> table(out, rows.get());
      case tsv -> tsv(out, rows.get());
      case text -> text.run();
    }
    out.flush();
  }

  static String yaml(Object tree) {
    try {
      JsonNode node = tree instanceof JsonNode n ? n : YAML.valueToTree(tree);
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void table(PrintWriter out, Rows r) {
    TextTable t = new TextTable("");
    t.row(r.header().stream().map(h -> h.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT))
        .toArray(String[]::new));
    for (List<String> row : r.rows()) {
      t.row(row.stream().map(Output::flat).toArray(String[]::new));
    }
    t.print(out);
  }

  static void tsv(PrintWriter out, Rows r) {
    out.println(String.join("\t", r.header()));
    for (List<String> row : r.rows()) {
      out.println(String.join("\t", row.stream().map(c -> flat(c).replace('\t', ' ')).toList()));
    }
  }

  private static String flat(String s) {
    return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** The strings of a list joined for one cell. */
  public static String join(List<String> values) {
    return values == null ? "" : String.join("; ", values);
  }
}
