package dev.lbtriage.bot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never reach an engineer: an unfilled placeholder ({@code <name>} or {@code {name}}), a
 * command that deletes or re-prioritises one of Azure's default NSG rules, or an NSG priority Azure
 * refuses (custom rules take 100-4096).
 */
public final class Holes {
  private static final Pattern ANGLE = Pattern.compile("<[A-Za-z][A-Za-z0-9 _.-]*>");
  private static final Pattern BRACE = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}");
  private static final Pattern ESCAPED_ANGLE = Pattern.compile("&lt;[A-Za-z][A-Za-z0-9 _.-]*&gt;");
  static final List<String> DEFAULT_RULES = List.of("AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound",
      "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound");
  private static final Pattern DEFAULT_RULE_CHANGE = Pattern.compile(
      "az network nsg rule (delete|update)\\b[^\\n]*(-n|--name) (" + String.join("|", DEFAULT_RULES) + ")\\b");
  /** An unknown address standing in a command ({@code --local ?:80}, {@code psping ?:80}). */
  private static final Pattern UNKNOWN_ADDRESS = Pattern.compile("(?<![\\w?])\\?:\\d+");
  /** The value ends at a space or where a JSON string ends ({@code "commands": [{"command": "... --priority 101"}]}). */
  private static final Pattern PRIORITY = Pattern.compile("az network nsg rule (create|update)\\b[^\\n]*?--priority ([^\\s\"\\\\]+)");

  private Holes() {}

  /** Every hole in a text, each as the offending piece with its line; empty when none. */
  public static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (Pattern p : List.of(ANGLE, BRACE, ESCAPED_ANGLE, DEFAULT_RULE_CHANGE, UNKNOWN_ADDRESS)) {
        Matcher m = p.matcher(line);
        while (m.find()) {
          found.add("line " + (i + 1) + ": " + m.group() + "   in: " + line.strip());
        }
      }
      Matcher pr = PRIORITY.matcher(line);
      while (pr.find()) {
        String value = pr.group(2);
        boolean ok = value.matches("\\d{3,4}") && Integer.parseInt(value) >= 100 && Integer.parseInt(value) <= 4096;
        if (!ok) {
          found.add("line " + (i + 1) + ": priority " + value + " is not 100-4096   in: " + line.strip());
        }
      }
    }
    return found;
  }
}
