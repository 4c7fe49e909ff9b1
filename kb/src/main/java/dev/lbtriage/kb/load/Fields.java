package dev.lbtriage.kb.load;

import dev.lbtriage.kb.model.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one YAML mapping, reporting every problem with its line instead of stopping:
 * unknown keys (the collected form of Jackson's FAIL_ON_UNKNOWN_PROPERTIES), missing or empty
 * required fields, wrong shapes, and unknown or malformed placeholders in any text.
 */
final class Fields {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final YamlNode.Mapping mapping;
  private final String what;
  private final String file;
  private final Problems problems;

  private Fields(YamlNode.Mapping mapping, String what, String file, Problems problems) {
    this.mapping = mapping;
    this.what = what;
    this.file = file;
    this.problems = problems;
  }

  /** The fields of {@code node}, or empty (with a problem) when it is not a mapping. */
  static Optional<Fields> of(YamlNode node, String what, Set<String> allowed, String file, Problems problems) {
    if (!(node instanceof YamlNode.Mapping m)) {
      problems.add(file, node.line(), what + " must be a mapping of fields");
      return Optional.empty();
    }
    for (YamlNode.Field f : m.fields().values()) {
      if (!allowed.contains(f.key())) {
        problems.add(file, f.line(), "unknown field '" + f.key() + "' in " + what
            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
    return Optional.of(new Fields(m, what, file, problems));
  }

  String file() {
    return file;
  }

  Problems problems() {
    return problems;
  }

  int line() {
    return mapping.line();
  }

  /** Line of the key, or of the mapping when the key is absent. */
  int line(String key) {
    YamlNode.Field f = mapping.fields().get(key);
    return f == null ? mapping.line() : f.line();
  }

  void problem(int line, String message) {
    problems.add(file, line, message);
  }

  /** A required, non-blank text. */
  String text(String key) {
    String t = optionalText(key);
    if (t == null && present(key)) {
      problem(line(key), "field '" + key + "' of " + what + " must not be empty");
    } else if (t == null) {
      problem(line(), "missing required field '" + key + "' in " + what);
    }
    return t;
  }

  /** A required id in kebab-case. */
  String id(String key) {
    String t = text(key);
    if (t != null && !ID.matcher(t).matches()) {
      problem(line(key), "'" + t + "' is not a kebab-case id (a-z, 0-9 and '-')");
    }
    return t;
  }

  /** An optional text; null when absent, null or blank. */
  String optionalText(String key) {
    YamlNode.Field f = mapping.fields().get(key);
    if (f == null) {
      return null;
    }
    if (!(f.value() instanceof YamlNode.Scalar s)) {
      problem(f.value().line(), "field '" + key + "' of " + what + " must be text");
      return null;
    }
    if (s.text() == null || s.text().isBlank()) {
      return null;
    }
    checkPlaceholders(s.text(), s.line());
    return s.text().strip();
  }

  /** A list of non-blank texts; must have at least one when {@code required}. */
  List<String> texts(String key, boolean required) {
    List<String> out = new ArrayList<>();
    for (YamlNode item : items(key, required)) {
      if (item instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
        checkPlaceholders(s.text(), s.line());
        out.add(s.text().strip());
      } else {
        problem(item.line(), "each entry of '" + key + "' in " + what + " must be non-empty text");
      }
    }
    return out;
  }

  /** The items of a list field; reports a missing or empty list when {@code required}. */
  List<YamlNode> items(String key, boolean required) {
    YamlNode.Field f = mapping.fields().get(key);
    if (f == null || (f.value() instanceof YamlNode.Scalar s && s.text() == null)) {
      if (required) {
        problem(line(key), (f == null ? "missing required field '" : "empty list '") + key + "' in " + what);
      }
      return List.of();
    }
    if (!(f.value() instanceof YamlNode.Sequence seq)) {
      problem(f.value().line(), "field '" + key + "' of " + what + " must be a list");
      return List.of();
    }
    if (required && seq.items().isEmpty()) {
      problem(f.line(), "empty list '" + key + "' in " + what + ": at least one entry is needed");
    }
    return seq.items();
  }

  /** The value node of an optional field, if present. */
  Optional<YamlNode> node(String key) {
    return Optional.ofNullable(mapping.fields().get(key)).map(YamlNode.Field::value);
  }

  boolean present(String key) {
    return mapping.fields().containsKey(key);
  }

  void checkPlaceholders(String text, int line) {
    for (String name : Placeholders.namesIn(text)) {
      if (!NAME.matcher(name).matches()) {
        problem(line, "literal braces '{" + name + "}' are not allowed: braces are reserved for placeholders"
            + " such as {probePort}");
      } else if (Placeholder.byToken(name).isEmpty()) {
        problem(line, "unknown placeholder {" + name + "} (see dev.lbtriage.kb.model.Placeholder)");
      }
    }
    if (Placeholders.hasStrayBrace(text)) {
      problem(line, "stray '{' or '}': braces are reserved for placeholders such as {probePort}");
    }
  }
}
