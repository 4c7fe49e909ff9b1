package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

/** Names JSON types the way problem messages show them ("an object", "a string", ...). */
final class JsonTypes {

  private JsonTypes() {}

  static String kind(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** A value from a file for a message: in quotes, cut to 40 characters, control characters escaped. */
  static String quoted(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : abbreviate(s).toCharArray()) {
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
