package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Finds the line where a JSON path starts, by streaming the text again (only when reporting). */
final class JsonLines {

  private JsonLines() {}

  /** The 1-based line of the value at {@code jsonPath} ({@code $.a[1].b}), or -1 when not found. */
  static int lineOf(SafeJson json, String text, String jsonPath) {
    String pointer = toPointer(jsonPath);
    if (pointer == null) {
      return -1;
    }
    try (JsonParser p = json.streaming(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          continue;
        }
        JsonPointer at = t.isStructStart() ? p.getParsingContext().getParent().pathAsPointer()
            : p.getParsingContext().pathAsPointer();
        if (at.toString().equals(pointer)) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** {@code $.properties.probes[1].port} to {@code /properties/probes/1/port}. */
  static String toPointer(String jsonPath) {
    if (jsonPath == null || !jsonPath.startsWith("$")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    String rest = jsonPath.substring(1);
    int i = 0;
    while (i < rest.length()) {
      char c = rest.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          end++;
        }
        out.append('/').append(escape(rest.substring(i + 1, end)));
        i = end;
      } else if (c == '[') {
        int end = rest.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        String inside = rest.substring(i + 1, end);
        if (inside.startsWith("'") && inside.endsWith("'") && inside.length() >= 2) {
          inside = inside.substring(1, inside.length() - 1);
        }
        out.append('/').append(escape(inside));
        i = end + 1;
      } else {
        return null;
      }
    }
    return out.toString();
  }

  private static String escape(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }
}
