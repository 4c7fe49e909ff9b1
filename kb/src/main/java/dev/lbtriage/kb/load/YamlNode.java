package dev.lbtriage.kb.load;

import java.util.List;
import java.util.Map;

/**
 * A YAML value together with the line it starts on. Jackson's own {@code JsonNode} forgets
 * locations, and a validation error must say where it is.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** 1-based line where the value starts. */
  int line();

  /** A mapping; fields keep their order. */
  record Mapping(int line, Map<String, Field> fields) implements YamlNode {}

  /** One key of a mapping, with the line of the key. */
  record Field(String key, int line, YamlNode value) {}

  /** A sequence. */
  record Sequence(int line, List<YamlNode> items) implements YamlNode {}

  /** A scalar; {@code text} is null for a YAML null ({@code ~} or nothing). */
  record Scalar(int line, String text) implements YamlNode {}
}
