package dev.lbtriage.kb.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder syntax of KB texts: {@code {name}} where {@code name} is a {@link
 * dev.lbtriage.kb.model.Placeholder#token()}. Braces are reserved for placeholders: a KB text holds
 * no literal brace (no escaping), so commands avoid {@code awk '{print $1}'} or JMESPath
 * projections such as {@code --query "[].{a:b}"} and use {@code -o table} or plain paths instead.
 */
public final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private Placeholders() {}

  /** The names between braces, in order of appearance, e.g. {@code [probePort]}. */
  public static List<String> namesIn(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Whether a brace is left once every {@code {...}} pair is taken out. */
  public static boolean hasStrayBrace(String text) {
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    return rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0;
  }

  /**
   * Fills in the placeholders of a text. A placeholder with no value is written {@code <name>}, so
   * the reader sees what to put there and nothing is silently left empty.
   */
  public static String fill(String text, java.util.Map<String, String> values) {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "<" + m.group(1) + ">" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
