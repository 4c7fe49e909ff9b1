package dev.lbtriage.kb.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a {@link YamlNode} tree with lines, through Jackson's streaming
 * YAML parser. The input is treated as untrusted: sizes, nesting and string lengths are bounded,
 * anchors/aliases, duplicate keys and extra documents are refused. Nothing is bound to Java types
 * here, so no polymorphic (default) typing can ever happen.
 */
final class YamlTreeReader {

  /** Largest file accepted, in characters. */
  static final int MAX_CHARS = 256 * 1024;

  private static final int MAX_DEPTH = 16;

  private final YAMLFactory factory;

  YamlTreeReader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARS);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_DEPTH);
    // duplicate keys are refused by value(), which goes on reading and so reports all of them
    options.setAllowDuplicateKeys(true);
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxStringLength(16 * 1024)
        .maxNameLength(64)
        .maxNumberLength(20)
        .maxDocumentLength(MAX_CHARS)
        .build();
    factory = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
  }

  /** The document's tree, or empty when it cannot be read (the reason is added to problems). */
  Optional<YamlNode> read(String file, String text, Problems problems) {
    if (text.length() > MAX_CHARS) {
      problems.add(file, 0, "file is larger than " + MAX_CHARS + " characters");
      return Optional.empty();
    }
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        problems.add(file, 1, "file is empty");
        return Optional.empty();
      }
      YamlNode root = value(parser, file, problems);
      if (parser.nextToken() != null) {
        problems.add(file, line(parser), "only one YAML document is allowed per file");
      }
      return Optional.of(root);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(file, line, "YAML syntax error: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(file, 0, "cannot read: " + e.getMessage());
    }
    return Optional.empty();
  }

  private YamlNode value(JsonParser parser, String file, Problems problems) throws IOException {
    int line = line(parser);
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(file, line, "YAML aliases (*name) are not supported");
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, YamlNode.Field> fields = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = line(parser);
        parser.nextToken();
        YamlNode v = value(parser, file, problems);
        if (fields.containsKey(key)) {
          problems.add(file, keyLine, "duplicate key '" + key + "' (first on line " + fields.get(key).line() + ")");
        } else {
          fields.put(key, new YamlNode.Field(key, keyLine, v));
        }
      }
      return new YamlNode.Mapping(line, fields);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(parser, file, problems));
      }
      return new YamlNode.Sequence(line, items);
    }
    return new YamlNode.Scalar(line, token == JsonToken.VALUE_NULL ? null : parser.getText());
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    String trimmed = message.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }
}
