package dev.lbtriage.engine.conversation;

import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Condition;
import dev.lbtriage.kb.model.FromReport;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.ProbeHealthSide;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.ReportReading;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report already says, as the knowledge base's {@code fromReport:} readings say: each
 * reading is a pattern over one clause of the report and what it means, either an {@link
 * Strength#ANSWER} to a KB question (shown to the user once to confirm) or a {@link Strength#LEAD}
 * that only reorders the questions (every reading of a cause is a lead toward or away from it).
 * Conservative: a positive reading never applies to a clause holding a negation, negations have
 * readings of their own, and two clauses that say opposite things about one question cancel out.
 * The symptoms' {@code probeHealth:} readings answer {@link #PROBE_HEALTH}.
 */
final class ReportStatements {
  /**
   * A pseudo-question of the conversation itself (no KB id): does Health Probe Status show the backends healthy (yes)
   * or failing (no)? Read from the {@code probeHealth:} of the two symptoms it tells apart.
   */
  static final String PROBE_HEALTH = "probe-health";

  enum Strength {
    /** Unambiguous: becomes an answer once the user confirms it. */
    ANSWER,
    /** Suggestive: reorders the questions, answers nothing. */
    LEAD
  }

  /**
   * What a clause says.
   *
   * @param question the KB question (or {@link #PROBE_HEALTH}) it answers or hints at; null for a cause lead
   * @param cause the cause it points at (value {@code yes}) or away from ({@code no}); null for a question
   * @param value {@code yes}, {@code no}, or an IP address for an ip-address question
   * @param quote the clause of the report it was read from
   */
  record Statement(String question, String cause, String value, String quote, Strength strength) {}

  /**
   * One reading, for one question or cause. {@code value} null: the pattern's first group is the value (an IP
   * address); {@code ignoreIn}: a match in a comma-separated part that also matches it says nothing.
   */
  private record Reading(Pattern pattern, String question, String cause, String value, Strength strength, boolean negative,
      Pattern ignoreIn) {}

  private static final String NEG = "(?:not|n't|never|no|cannot|none|nothing|without|fails?|failed|failing|timed? out|times out|"
      + "doesnt|dont|isnt|arent|cant|wont|didnt|wasnt|werent)";
  private static final Pattern NEGATION = Pattern.compile("\\b" + NEG + "\\b|n't\\b");

  /** Every reading, in the order tried: the questions' (in KB order), the probe health's, the causes'. */
  private final List<Reading> readings;

  private ReportStatements(List<Reading> readings) {
    this.readings = readings;
  }

  /** The readings the knowledge base declares. */
  static ReportStatements of(KnowledgeBase kb) {
    List<Reading> out = new ArrayList<>();
    for (Question q : kb.questions().toList()) {
      FromReport own = q.fromReport();
      if (own == null) {
        continue;
      }
      List<ReportReading> rs = own.sameAs() == null ? own.readings()
          : kb.question(own.sameAs()).map(Question::fromReport).map(FromReport::readings).orElse(List.of());
      for (ReportReading r : rs) {
        out.add(new Reading(r.pattern(), q.id(), null, r.says(), strength(r), r.negated(), own.ignoreIn()));
      }
    }
    for (ProbeHealthSide.Shows side : List.of(ProbeHealthSide.Shows.FAILING, ProbeHealthSide.Shows.PASSING)) {
      kb.symptoms().stream().filter(x -> x.probeHealth() != null && x.probeHealth().shows() == side).findFirst().ifPresent(x -> {
        for (ReportReading r : x.probeHealth().fromReport()) {
          out.add(new Reading(r.pattern(), PROBE_HEALTH, null, side == ProbeHealthSide.Shows.PASSING ? "yes" : "no", Strength.ANSWER,
              r.negated(), null));
        }
      });
    }
    for (Cause c : kb.causes().toList()) {
      FromReport own = c.fromReport();
      if (own == null) {
        continue;
      }
      List<ReportReading> rs = own.sameAs() == null ? own.readings()
          : kb.cause(own.sameAs()).map(Cause::fromReport).map(FromReport::readings).orElse(List.of());
      for (ReportReading r : rs) {
        out.add(new Reading(r.pattern(), null, c.id(), r.says(), Strength.LEAD, r.negated(), own.ignoreIn()));
      }
    }
    return new ReportStatements(List.copyOf(out));
  }

  private static Strength strength(ReportReading r) {
    return r.strength() == ReportReading.Strength.ANSWER ? Strength.ANSWER : Strength.LEAD;
  }

  /**
   * The questions of {@code symptom} whose answers read from the report are only leads for this load balancer: those
   * whose {@code leadOnlyWhen} holds, as {@code holds} decides.
   */
  static Set<String> leadOnly(Symptom symptom, java.util.function.Predicate<Condition> holds) {
    return symptom.questions().stream().filter(q -> q.fromReport() != null && q.fromReport().leadOnlyWhen() != null
        && holds.test(q.fromReport().leadOnlyWhen())).map(Question::id).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * The statements of a report.
   *
   * @param questions the question ids of the symptom under triage (and {@link #PROBE_HEALTH} when wanted)
   * @param causes the cause ids of the symptom
   * @param notClients addresses that are no client (the load balancer's own frontends)
   */
  List<Statement> read(String report, Set<String> questions, Set<String> causes, Set<String> notClients) {
    return read(report, questions, causes, notClients, Set.of());
  }

  /**
   * @param leadOnly questions the facts make an answer ambiguous for, so that what the report says of them is only
   *     a lead (e.g. "IIS answers locally" when the probe port is not the port the application serves)
   */
  List<Statement> read(String report, Set<String> questions, Set<String> causes, Set<String> notClients,
      Set<String> leadOnly) {
    if (report == null || report.isBlank()) {
      return List.of();
    }
    Map<String, Statement> byTarget = new LinkedHashMap<>();
    Set<String> conflicting = new java.util.HashSet<>();
    for (String clause : clauses(report)) {
      String lower = clause.toLowerCase(Locale.ROOT);
      boolean negated = NEGATION.matcher(lower).find();
      Set<String> seenHere = new java.util.HashSet<>();
      for (Reading r : readings) {
        if (!r.negative() && negated) {
          continue;
        }
        String target = r.question() != null ? r.question() : r.cause();
        if (r.question() != null ? !questions.contains(target) : !causes.contains(target)) {
          continue;
        }
        String key = (r.question() != null ? "q:" : "c:") + target;
        if (seenHere.contains(key)) {
          continue;
        }
        Matcher m = r.pattern().matcher(lower);
        if (!m.find()) {
          continue;
        }
        if (r.ignoreIn() != null && r.ignoreIn().matcher(segment(lower, m.start(), m.end())).find()) {
          continue;
        }
        String value = r.value();
        if (value == null) {
          value = m.group(1);
          if (!validIp(value) || notClients.contains(value)) {
            continue;
          }
        }
        seenHere.add(key);
        Strength strength = r.question() != null && leadOnly.contains(target) ? Strength.LEAD : r.strength();
        Statement s = r.question() != null ? new Statement(target, null, value, clause, strength)
            : new Statement(null, target, value, clause, r.strength());
        Statement before = byTarget.get(key);
        if (before == null) {
          byTarget.put(key, s);
        } else if (!before.value().equals(s.value())) {
          conflicting.add(key);
        } else if (before.strength() == Strength.LEAD && s.strength() == Strength.ANSWER) {
          byTarget.put(key, s);
        }
      }
    }
    List<Statement> out = new ArrayList<>();
    byTarget.forEach((k, s) -> {
      if (!conflicting.contains(k)) {
        out.add(s);
      }
    });
    return out;
  }

  /** The comma-separated part of a clause around a match. */
  private static String segment(String clause, int start, int end) {
    int from = clause.lastIndexOf(',', start) + 1;
    int to = clause.indexOf(',', end);
    return clause.substring(from, to < 0 ? clause.length() : to);
  }

  /**
   * The report cut into clauses: sentences, and parts joined by "but", ", and" or a semicolon.
   * Questions ("NSG blocking 168.63.129.16?") state nothing and are left out.
   */
  static List<String> clauses(String report) {
    List<String> out = new ArrayList<>();
    String flat = report.replaceAll("\\s+", " ").strip();
    for (String sentence : flat.split("(?<=[.!?])\\s+|;\\s*|\\s*\\n\\s*")) {
      if (sentence.strip().endsWith("?")) {
        continue;
      }
      for (String part : sentence.split(",\\s*(?:and|but)\\s+|\\s+but\\s+|,\\s*and\\s+|\\s+and\\s+(?=(?:the|we|i|it|they|my|our)\\b)")) {
        String c = part.strip().replaceAll("[.!?]+$", "");
        if (!c.isEmpty()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean validIp(String ip) {
    for (String part : ip.split("\\.")) {
      if (part.length() > 3 || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return !ip.startsWith("0.") && !ip.equals("255.255.255.255");
  }
}
