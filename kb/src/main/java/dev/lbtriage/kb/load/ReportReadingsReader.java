package dev.lbtriage.kb.load;

import dev.lbtriage.kb.model.AnswerKind;
import dev.lbtriage.kb.model.Condition;
import dev.lbtriage.kb.model.FromReport;
import dev.lbtriage.kb.model.ProbeHealthSide;
import dev.lbtriage.kb.model.ReportReading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads what a report can say ({@code fromReport:} on questions and causes, {@code probeHealth:} on a
 * symptom) and the named words their patterns use ({@code reportWords:}, written {@code %name%} in a
 * pattern of the same file). Patterns are regular expressions, compiled here so that a bad one is
 * reported with its file and line; braces in them are regex syntax, not placeholders.
 */
final class ReportReadingsReader {
  static final Set<String> FROM_REPORT_FIELDS = Set.of("readings", "sameAs", "ignoreIn", "leadOnlyWhen");
  static final Set<String> CAUSE_FROM_REPORT_FIELDS = Set.of("readings", "sameAs");
  static final Set<String> READING_FIELDS = Set.of("pattern", "says", "strength", "negated");
  static final Set<String> CAUSE_READING_FIELDS = Set.of("pattern", "says", "negated");
  static final Set<String> PROBE_HEALTH_FIELDS = Set.of("shows", "fromReport");
  static final Set<String> PROBE_HEALTH_READING_FIELDS = Set.of("pattern", "negated");
  /** The conditions the conversation decides for {@code leadOnlyWhen} (over the whole load balancer). */
  static final Set<Condition> LEAD_ONLY_CONDITIONS = Set.of(Condition.PROBE_PORT_DIFFERS);

  private static final Pattern WORD_NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern WORD_USE = Pattern.compile("%([a-z][a-z0-9-]*)%");

  /** {@code fields} and {@code more}: a mapping's allowed keys with those this reader adds. */
  static Set<String> with(Set<String> fields, String... more) {
    Set<String> all = new java.util.HashSet<>(fields);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  /** A {@code sameAs} to check once every file is read. */
  record SameAs(String kind, String from, String to, String file, int line) {}

  /** A symptom's side of Health Probe Status, to check that no other symptom takes it. */
  record Side(ProbeHealthSide.Shows shows, String symptom, String file, int line) {}

  private final Map<String, String> words = new LinkedHashMap<>();
  final List<SameAs> sameAs = new ArrayList<>();
  final List<Side> sides = new ArrayList<>();

  /** The symptom file's {@code reportWords}; read before its questions and causes. */
  void words(Fields symptom) {
    words.clear();
    symptom.node("reportWords").ifPresent(n -> {
      if (!(n instanceof YamlNode.Mapping m)) {
        symptom.problem(n.line(), "field 'reportWords' of symptom must be a mapping of name: pattern");
        return;
      }
      for (YamlNode.Field w : m.fields().values()) {
        if (!WORD_NAME.matcher(w.key()).matches()) {
          symptom.problem(w.line(), "report word '" + w.key() + "' must be lower-case letters, digits and '-'");
        } else if (!(w.value() instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
          symptom.problem(w.line(), "report word '" + w.key() + "' must be a non-empty pattern");
        } else {
          words.put(w.key(), s.text().strip());
        }
      }
    });
  }

  /** A question's {@code fromReport}, or null. */
  FromReport question(Fields q, String questionId, AnswerKind kind) {
    return fromReport(q, "question", questionId, FROM_REPORT_FIELDS, READING_FIELDS, kind);
  }

  /** A cause's {@code fromReport} (leads toward or away from it), or null. */
  FromReport cause(Fields c, String causeId) {
    return fromReport(c, "cause", causeId, CAUSE_FROM_REPORT_FIELDS, CAUSE_READING_FIELDS, AnswerKind.YES_NO);
  }

  /** A symptom's {@code probeHealth}, or null. */
  ProbeHealthSide probeHealth(Fields symptom, String symptomId) {
    return symptom.node("probeHealth").flatMap(n -> Fields.of(n, "probeHealth", PROBE_HEALTH_FIELDS, symptom.file(), symptom.problems()))
        .map(p -> {
          String shows = p.text("shows");
          ProbeHealthSide.Shows side = null;
          for (ProbeHealthSide.Shows s : ProbeHealthSide.Shows.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(shows)) {
              side = s;
            }
          }
          if (shows != null && side == null) {
            p.problem(p.line("shows"), "unknown probeHealth shows '" + shows + "' (known: failing, passing)");
          }
          List<ReportReading> readings = new ArrayList<>();
          for (YamlNode n : p.items("fromReport", false)) {
            Fields.of(n, "probeHealth reading", PROBE_HEALTH_READING_FIELDS, p.file(), p.problems()).ifPresent(r -> {
              Pattern pattern = pattern(r, "pattern", true);
              if (pattern != null) {
                readings.add(new ReportReading(pattern, null, ReportReading.Strength.ANSWER, flag(r, "negated")));
              }
            });
          }
          if (side != null) {
            sides.add(new Side(side, symptomId, p.file(), symptom.line("probeHealth")));
          }
          return side == null ? null : new ProbeHealthSide(side, readings);
        }).orElse(null);
  }

  private FromReport fromReport(Fields owner, String kind, String ownerId, Set<String> fields, Set<String> readingFields,
      AnswerKind answer) {
    return owner.node("fromReport").flatMap(n -> Fields.of(n, "fromReport", fields, owner.file(), owner.problems())).map(f -> {
      boolean asCause = kind.equals("cause");
      if (!asCause && answer != null && answer != AnswerKind.YES_NO && answer != AnswerKind.IP_ADDRESS) {
        f.problem(f.line(), "fromReport reads yes-no and ip-address questions only");
      }
      String same = f.optionalText("sameAs");
      List<ReportReading> readings = new ArrayList<>();
      for (YamlNode n : f.items("readings", false)) {
        Fields.of(n, "reading", readingFields, f.file(), f.problems()).map(r -> reading(r, asCause, answer))
            .ifPresent(readings::add);
      }
      if (same != null && !readings.isEmpty()) {
        f.problem(f.line("sameAs"), "fromReport has either 'readings' or 'sameAs', not both");
      } else if (same == null && readings.isEmpty()) {
        f.problem(f.line(), "fromReport needs 'readings' (at least one) or 'sameAs'");
      }
      if (same != null && ownerId != null) {
        sameAs.add(new SameAs(kind, ownerId, same, f.file(), f.line("sameAs")));
      }
      Condition leadOnly = null;
      String when = f.optionalText("leadOnlyWhen");
      if (when != null) {
        leadOnly = Condition.byToken(when).filter(LEAD_ONLY_CONDITIONS::contains).orElse(null);
        if (leadOnly == null) {
          f.problem(f.line("leadOnlyWhen"), "leadOnlyWhen '" + when + "' is not a condition the conversation decides (known: "
              + String.join(", ", LEAD_ONLY_CONDITIONS.stream().map(Condition::token).sorted().toList()) + ")");
        }
      }
      return new FromReport(readings, same, pattern(f, "ignoreIn", false), leadOnly);
    }).orElse(null);
  }

  private ReportReading reading(Fields r, boolean asCause, AnswerKind answer) {
    Pattern pattern = pattern(r, "pattern", true);
    String says = r.optionalText("says");
    ReportReading.Strength strength = ReportReading.Strength.LEAD;
    if (!asCause) {
      String s = r.text("strength");
      if (s != null) {
        strength = "answer".equals(s) ? ReportReading.Strength.ANSWER : "lead".equals(s) ? ReportReading.Strength.LEAD : null;
        if (strength == null) {
          r.problem(r.line("strength"), "unknown strength '" + s + "' (known: answer, lead)");
        }
      }
    }
    if (answer == AnswerKind.IP_ADDRESS) {
      if (says != null) {
        r.problem(r.line("says"), "a reading of an ip-address question takes the address from the pattern's first group, "
            + "so it has no 'says'");
      } else if (pattern != null && pattern.matcher("").groupCount() < 1) {
        r.problem(r.line("pattern"), "a reading of an ip-address question needs a group around the address");
      }
    } else if (says == null) {
      r.problem(r.line(), "missing required field 'says' in reading (yes or no)");
    } else if (!says.equals("yes") && !says.equals("no")) {
      r.problem(r.line("says"), "a reading says yes or no, not '" + says + "'");
    }
    return pattern == null || strength == null ? null : new ReportReading(pattern, says, strength, flag(r, "negated"));
  }

  /** A pattern with its {@code %word%}s filled in, compiled case-insensitively; null (with a problem) when bad. */
  private Pattern pattern(Fields f, String key, boolean required) {
    YamlNode n = f.node(key).orElse(null);
    if (n == null) {
      if (required) {
        f.problem(f.line(), "missing required field '" + key + "'");
      }
      return null;
    }
    if (!(n instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
      f.problem(f.line(key), "field '" + key + "' must be a non-empty pattern");
      return null;
    }
    StringBuilder b = new StringBuilder();
    Matcher m = WORD_USE.matcher(s.text().strip());
    boolean known = true;
    while (m.find()) {
      String word = words.get(m.group(1));
      if (word == null) {
        f.problem(f.line(key), "unknown report word %" + m.group(1) + "% (declare it under reportWords of this file)");
        known = false;
        word = "";
      }
      m.appendReplacement(b, Matcher.quoteReplacement(word));
    }
    m.appendTail(b);
    if (!known) {
      return null;
    }
    try {
      return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      f.problem(f.line(key), "bad pattern: " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
  }

  private static boolean flag(Fields f, String key) {
    String v = f.optionalText(key);
    if (v != null && !v.equals("true") && !v.equals("false")) {
      f.problem(f.line(key), "field '" + key + "' must be true or false");
    }
    return "true".equals(v);
  }
}
