package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON node with its JSON path, read the way both ARM and {@code az} print resources: field
 * names compared without regard to case ({@code frontendIPConfigurations} and az's {@code
 * frontendIpConfigurations} are the same), and {@link #props()} giving the {@code properties}
 * object when there is one, else the node itself (az flattens properties to the top level).
 * Required reads throw {@link FieldException} naming the path; optional reads of the wrong type
 * are reported to the {@link ProblemLog} and treated as absent. A value of the right type but
 * outside what Azure accepts (see {@link ValidatedValues}) is never handed to the rules: in an
 * optional field it is reported and only that field is left out (the item keeps its other facts;
 * in a list of strings, only that element); in a required field it throws, and the item that
 * cannot be without it (a rule without its port) is left out, its siblings kept.
 */
final class JsonCursor {

  private final JsonNode node;
  private final ProblemLog log;
  // the JSON path is built only when asked for (a problem, an index entry): a fleet reads ~10^6 fields (issue 20)
  private final JsonCursor parent;
  private final String field; // this node's field name in parent, or null for an array element
  private final int index;
  private String path;

  JsonCursor(JsonNode node, String path, ProblemLog log) {
    this(node, null, null, -1, log);
    this.path = path;
  }

  private JsonCursor(JsonNode node, JsonCursor parent, String field, int index, ProblemLog log) {
    this.node = node;
    this.parent = parent;
    this.field = field;
    this.index = index;
    this.log = log;
  }

  JsonNode node() {
    return node;
  }

  String path() {
    String p = path;
    if (p == null) {
      p = field != null ? parent.pathOf(field) : parent.path() + "[" + index + "]";
      path = p;
    }
    return p;
  }

  ProblemLog log() {
    return log;
  }

  /** The {@code properties} object if present, else this node (az's flattened shape). */
  JsonCursor props() {
    return child("properties").filter(c -> c.node.isObject()).orElse(this);
  }

  /** A field, name compared without regard to case; absent when missing or JSON null. */
  Optional<JsonCursor> child(String name) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact.isNull() ? Optional.empty() : Optional.of(new JsonCursor(exact, this, name, -1, log));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().isNull() ? Optional.empty()
            : Optional.of(new JsonCursor(e.getValue(), this, e.getKey(), -1, log));
      }
    }
    return Optional.empty();
  }

  boolean has(String name) {
    return child(name).isPresent();
  }

  /** A string field, or null when absent; wrong type is reported and gives null. */
  String text(String name) {
    Optional<JsonCursor> c = child(name);
    if (c.isEmpty()) {
      return null;
    }
    if (!c.get().node.isValueNode() || c.get().node.isBoolean()) {
      log.error(c.get().path(), "expected a string, found " + JsonTypes.kind(c.get().node));
      return null;
    }
    String value = c.get().node.asText();
    try {
      ValidatedValues.text(log, c.get(), name, value);
    } catch (FieldException e) {
      log.error(e);
      return null;
    }
    return value;
  }

  String requiredText(String name) {
    Optional<JsonCursor> c = child(name);
    if (c.isEmpty()) {
      throw new FieldException(pathOf(name), "missing required field '" + name + "'");
    }
    if (!c.get().node.isTextual()) {
      throw new FieldException(c.get().path(), "'" + name + "' must be a string, found " + JsonTypes.kind(c.get().node));
    }
    String value = c.get().node.asText();
    ValidatedValues.text(log, c.get(), name, value);
    return value;
  }

  /** An integer field (a JSON number, or a string of digits as some az versions print), or null. */
  Integer integer(String name) {
    Optional<JsonCursor> c = child(name);
    if (c.isEmpty()) {
      return null;
    }
    int value;
    try {
      value = c.get().asInt(name);
      ValidatedValues.integer(c.get(), name, value);
    } catch (FieldException e) {
      log.error(e);
      return null;
    }
    return value;
  }

  int requiredInt(String name) {
    JsonCursor c = child(name).orElseThrow(() -> new FieldException(pathOf(name), "missing required field '" + name + "'"));
    int value = c.asInt(name);
    ValidatedValues.integer(c, name, value);
    return value;
  }

  private int asInt(String name) {
    if (node.canConvertToInt() && node.isIntegralNumber()) {
      return node.intValue();
    }
    if (node.isTextual() && isSmallInteger(node.asText().trim())) {
      return Integer.parseInt(node.asText().trim());
    }
    throw new FieldException(path(), "'" + name + "' must be an integer, found " + JsonTypes.kind(node)
        + (node.isTextual() ? " \"" + JsonTypes.abbreviate(node.asText()) + "\"" : ""));
  }

  boolean bool(String name, boolean fallback) {
    Optional<JsonCursor> c = child(name);
    if (c.isEmpty()) {
      return fallback;
    }
    JsonNode n = c.get().node;
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual() && (n.asText().equalsIgnoreCase("true") || n.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(n.asText());
    }
    log.error(c.get().path(), "expected true or false, found " + JsonTypes.kind(n));
    return fallback;
  }

  /** The {@code id} of a sub-resource reference such as {@code "subnet": {"id": "..."}}, or null. */
  String refId(String name) {
    return child(name).map(c -> c.node.isObject() ? c.text("id") : c.wrongType("an object with an id"))
        .orElse(null);
  }

  /** The ids of a list of references such as {@code "loadBalancerBackendAddressPools": [{"id"}]}. */
  List<String> refIds(String name) {
    List<String> ids = new ArrayList<>();
    for (JsonCursor c : objects(name)) {
      String id = c.text("id");
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The elements of an array field; a non-array is reported and gives an empty list. */
  List<JsonCursor> array(String name) {
    Optional<JsonCursor> c = child(name);
    if (c.isEmpty()) {
      return List.of();
    }
    return c.get().elements();
  }

  /** The elements of this node, which should be an array. */
  List<JsonCursor> elements() {
    if (!node.isArray()) {
      log.error(path(), "expected an array, found " + JsonTypes.kind(node));
      return List.of();
    }
    List<JsonCursor> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonCursor(node.get(i), this, null, i, log));
    }
    return out;
  }

  /** The object elements of an array field; other elements are reported and skipped. */
  List<JsonCursor> objects(String name) {
    List<JsonCursor> out = new ArrayList<>();
    for (JsonCursor c : array(name)) {
      if (c.node.isObject()) {
        out.add(c);
      } else {
        c.wrongType("an object");
      }
    }
    return out;
  }

  /**
   * A string, or the strings of an array of strings; used to merge singular and plural fields. A
   * value Azure would not accept is reported and left out; the others are kept (address prefixes of
   * a VNet or subnet, of an effective route). See {@link #strictStrings} where a partial list would
   * change the meaning.
   */
  List<String> strings(String name) {
    return strings(name, false);
  }

  /**
   * {@link #strings}, but a value Azure would not accept throws: for a security rule, whose
   * prefixes and ports without one of them would admit or deny other traffic than Azure does.
   */
  List<String> strictStrings(String name) {
    return strings(name, true);
  }

  private List<String> strings(String name, boolean strict) {
    Optional<JsonCursor> c = child(name);
    if (c.isEmpty()) {
      return List.of();
    }
    JsonNode n = c.get().node;
    if (n.isTextual()) {
      if (n.asText().isEmpty()) {
        return List.of();
      }
      return valid(c.get(), name, n.asText(), strict) ? List.of(n.asText()) : List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonCursor e : c.get().elements()) {
      if (e.node.isValueNode() && !e.node.isNull()) {
        if (valid(e, name, e.node.asText(), strict)) {
          out.add(e.node.asText());
        }
      } else {
        e.wrongType("a string");
      }
    }
    return out;
  }

  private boolean valid(JsonCursor at, String name, String value, boolean strict) {
    try {
      ValidatedValues.text(log, at, name, value);
      return true;
    } catch (FieldException e) {
      if (strict) {
        throw e;
      }
      log.error(e);
      return false;
    }
  }

  private String wrongType(String expected) {
    log.error(path(), "expected " + expected + ", found " + JsonTypes.kind(node));
    return null;
  }

  private String pathOf(String name) {
    return path() + (isIdentifier(name) ? "." + name : "['" + name + "']");
  }

  /** {@code [A-Za-z_$][A-Za-z0-9_$@-]*}, without a regex (compiled per call, it was half of a fleet read). */
  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(ascii(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '$')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(ascii(c) || digit(c) || c == '_' || c == '$' || c == '@' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** {@code -?\d{1,9}} (ASCII digits). */
  static boolean isSmallInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    int digits = s.length() - start;
    if (digits < 1 || digits > 9) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
