package dev.lbtriage.engine.bundle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consistent masking ({@code --redact}): one value, one mask, in every file of the bundle including
 * the snapshot JSON. Subscription and tenant ids become other GUIDs and public IPv4 addresses other
 * addresses (so the snapshot still parses and replays), user names {@code user-N} and free text
 * {@code [free text N]}. Network prefixes in NSG rules are kept so the rules evaluate as before.
 */
public final class Redaction {
  /** What a mask stands for. */
  public enum Kind {
    SUBSCRIPTION("subscription id"), TENANT("tenant id"), PUBLIC_IP("public IP address"), USER("user name"), FREE_TEXT("free text");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** One masked value: its kind and its mask (never the value itself). */
  public record Mask(Kind kind, String mask, int occurrences) {}

  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** A subscription segment of an ARM id (a GUID, or whatever a recording put there) or a subscriptionId field. */
  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)(?:/subscriptions/|\"subscriptionId\"\\s*:\\s*\")([A-Za-z0-9][A-Za-z0-9-]{2,63})(?=[/\"])");
  private static final Pattern TENANT = Pattern.compile("(?i)(?:\"tenantId\"\\s*:\\s*\"|microsoftonline\\.[a-z.]+/|tenant[ =:]+)(" + GUID.pattern() + ")");
  private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![0-9]|\\.[0-9])(?!/(?:[0-9]|[12][0-9]|3[01])(?![0-9]))");
  private static final Pattern ADMIN_USER = Pattern.compile("(?i)\"(?:adminUsername|userName|createdBy|owner)\"\\s*:\\s*\"([^\"\\\\]{2,128})\"");

  private final Map<String, String> masks = new LinkedHashMap<>();
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<Kind, Integer> counters = new java.util.EnumMap<>(Kind.class);
  private final Set<String> taken = new java.util.HashSet<>();
  private final List<String> corpus;

  private Redaction(List<String> corpus) {
    this.corpus = corpus;
  }

  /**
   * Plans the masks for a bundle.
   *
   * @param texts every text the bundle will hold (snapshot JSON, rendered files); ids, addresses and
   *     user names are found in them
   * @param users user names known from the conversation
   * @param freeText what people typed (the report, quoted answers)
   */
  static Redaction plan(Collection<String> texts, Collection<String> users, Collection<String> freeText) {
    Redaction r = new Redaction(List.copyOf(texts));
    freeText.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).forEach(t -> r.add(t, Kind.FREE_TEXT));
    users.stream().filter(u -> u != null && u.strip().length() >= 2).map(String::strip).distinct().forEach(u -> r.add(u, Kind.USER));
    for (String t : texts) {
      collect(r, SUBSCRIPTION, t, Kind.SUBSCRIPTION);
      collect(r, TENANT, t, Kind.TENANT);
      collect(r, ADMIN_USER, t, Kind.USER);
      Matcher m = IPV4.matcher(t);
      while (m.find()) {
        if (isPublic(m.group(1))) {
          r.add(m.group(1), Kind.PUBLIC_IP);
        }
      }
    }
    return r;
  }

  private static void collect(Redaction r, Pattern p, String text, Kind kind) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      String v = m.group(1);
      r.add(kind == Kind.SUBSCRIPTION || kind == Kind.TENANT ? v.toLowerCase(Locale.ROOT) : v, kind);
    }
  }

  private void add(String value, Kind kind) {
    String key = kind == Kind.SUBSCRIPTION || kind == Kind.TENANT ? value.toLowerCase(Locale.ROOT) : value;
    if (masks.containsKey(key)) {
      return;
    }
    String mask;
    do {
      int n = counters.merge(kind, 1, Integer::sum);
      mask = switch (kind) {
        case SUBSCRIPTION -> String.format(Locale.ROOT, "5ab5c41b-0000-4000-8000-%012d", n);
        case TENANT -> String.format(Locale.ROOT, "7e4a4700-0000-4000-8000-%012d", n);
        case PUBLIC_IP -> "198.18." + (n / 250) + "." + (n % 250 + 1);
        case USER -> "user-" + n;
        case FREE_TEXT -> "[free text " + n + "]";
      };
    } while (taken.contains(mask) || inCorpus(mask));
    taken.add(mask);
    masks.put(key, mask);
    kinds.put(key, kind);
  }

  private boolean inCorpus(String mask) {
    String lower = mask.toLowerCase(Locale.ROOT);
    return corpus.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(lower));
  }

  /** Private, shared, loopback, link-local, Azure's platform address and documentation ranges are not masked. */
  static boolean isPublic(String ip) {
    String[] p = ip.split("\\.");
    int a = Integer.parseInt(p[0]);
    int b = Integer.parseInt(p[1]);
    if (ip.equals(dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP) || ip.equals("169.254.169.254")) {
      return false;
    }
    return !(a == 0 || a == 10 || a == 127 || a >= 224 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
        || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127) || (a == 198 && (b == 18 || b == 19)));
  }

  /** The text with every planned value replaced by its mask (GUIDs whatever their case, addresses as whole addresses). */
  public String apply(String text) {
    if (text == null || masks.isEmpty()) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> e : masks.entrySet()) {
      String value = e.getKey();
      Kind kind = kinds.get(value);
      Pattern p = switch (kind) {
        case SUBSCRIPTION, TENANT -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
        case PUBLIC_IP -> Pattern.compile("(?<![0-9.])" + Pattern.quote(value) + "(?![0-9])");
        case USER -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])");
        case FREE_TEXT -> Pattern.compile(Pattern.quote(value));
      };
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(e.getValue()));
      if (kind == Kind.FREE_TEXT || kind == Kind.USER) {
        // the same text as JSON, Markdown or XML write it
        for (String form : escapedForms(value)) {
          if (!form.equals(value)) {
            out = out.replace(form, e.getValue());
          }
        }
      }
    }
    return out;
  }

  private static List<String> escapedForms(String v) {
    List<String> forms = new ArrayList<>();
    forms.add(jsonEscape(v));
    forms.add(Md.text(v));
    forms.add(Md.cell(v));
    forms.add(Xml.esc(v));
    String oneLine = v.replaceAll("\\s+", " ");
    forms.add(oneLine);
    forms.add(Md.text(oneLine));
    forms.add(Md.cell(oneLine));
    forms.add(jsonEscape(oneLine));
    return forms;
  }

  private static String jsonEscape(String v) {
    try {
      String s = FactsJson.JSON.writeValueAsString(v);
      return s.substring(1, s.length() - 1);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return v;
    }
  }

  /** Every value masked, with its kind; only for tests and the check that nothing escaped. */
  Map<String, Kind> values() {
    return java.util.Collections.unmodifiableMap(kinds);
  }

  /** What was masked, without the values: kind, mask and how often it occurs in {@code texts}. */
  List<Mask> list(Collection<String> maskedTexts) {
    List<Mask> out = new ArrayList<>();
    for (Map.Entry<String, String> e : masks.entrySet()) {
      int n = 0;
      for (String t : maskedTexts) {
        int i = 0;
        while ((i = t.indexOf(e.getValue(), i)) >= 0) {
          n++;
          i += e.getValue().length();
        }
      }
      out.add(new Mask(kinds.get(e.getKey()), e.getValue(), n));
    }
    return out;
  }
}
