package dev.lbtriage.engine.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report already says, as data: each {@link Reading} is a pattern over one clause of the
 * report and what it means, either an {@link Strength#ANSWER} to a KB question (shown to the user
 * once to confirm) or a {@link Strength#LEAD} that only reorders the questions. Conservative: a
 * positive reading never applies to a clause holding a negation, negations have readings of their
 * own, and two clauses that say opposite things about one question cancel out.
 */
final class ReportStatements {
  /** A pseudo-question: does Health Probe Status show the backends healthy (yes) or failing (no)? */
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

  /** {@code value} null: the pattern's first group is the value (an IP address). */
  private record Reading(Pattern pattern, String question, String cause, String value, Strength strength, boolean negative) {}

  private static final String NEG = "(?:not|n't|never|no|cannot|none|nothing|without|fails?|failed|failing|timed? out|times out|"
      + "doesnt|dont|isnt|arent|cant|wont|didnt|wasnt|werent)";
  /** A clause about the load balancer's frontend, not a backend: what is said of answering there is no answer on a backend. */
  private static final Pattern FRONTEND = Pattern.compile("\\bfrontend\\b|\\bload balancer\\b|\\blb\\b(?!-)|\\bpublic ip\\b|\\bvip\\b|"
      + "\\bthrough the\\b");
  /** Which port a clause speaks of: the data port, or the probe's. */
  private static final Pattern DATA_PORT = Pattern.compile("\\bdata port\\b|\\btraffic port\\b|\\bapplication port\\b|\\bconfigured port\\b");
  private static final Pattern PROBE_PORT = Pattern.compile("\\bprobe\\b|\\bprobe port\\b");
  private static final Pattern NEGATION = Pattern.compile("\\b" + NEG + "\\b|n't\\b");
  private static final String VM = "(?:vms?|virtual machines?|servers?|backends?|instances?|nodes?|boxes|box|hosts?|vm-[\\w-]+)";
  private static final String APP = "(?:iis|nginx|apache|tomcat|kestrel|the app|the application|the service|the site|the website|"
      + "the web ?server|the web ?app|the api|it|they)";
  private static final String PING = "(?:tcp ?ping|psping|tcping|ping|nc -vz|netcat|telnet|test-netconnection)";
  private static final String GUEST_FW = "(?:windows firewall|windows defender firewall|guest firewall|os firewall|host firewall|"
      + "local firewall|firewall (?:inside|on|in) the (?:vms?|guest|box|servers?)|iptables|nftables|ufw|firewalld)";
  private static final String NSG = "(?:nsgs?|network security groups?|security rules?|nsg rules?)";
  private static final String NOT_VERB = "(?:does not|doesn't|do not|don't|did not|didn't|is not|isn't|are not|aren't|won't|cannot|"
      + "can't)\\s+(?:answer|respond|reply|replying|responding|answering|ping)";
  private static final String IP = "((?:\\d{1,3}\\.){3}\\d{1,3})(?![\\d.]|:\\d)";

  private static final List<Reading> READINGS = List.of(
      // the VM answers (vm-responds)
      // "the VM does not answer" (nothing after it) or "... a TCP ping": an answer; "... on the port": only a lead
      neg(VM + "\\b[^,]*?\\b" + NOT_VERB + "(?=\\s*$|\\s+(?:to\\s+)?(?:a\\s+|any\\s+)?" + PING + "\\b)", "vm-responds", "no",
          Strength.ANSWER),
      neg(VM + "\\b[^,]*?\\b" + NOT_VERB + "\\b(?!\\s+(?:to\\s+)?(?:the\\s+)?(?:health\\s+)?(?:probes?|traffic|clients?|requests?|"
          + "on\\s+the\\s+data))", "vm-responds", "no", Strength.LEAD),
      neg(PING + "\\b[^,]*?\\b(?:times? out|timed out|fails?|failed|gets? no (?:answer|reply|response)|no (?:answer|reply|response)|refused)",
          "vm-responds", "no", Strength.ANSWER),
      neg(VM + "\\b[^,]*?\\b(?:not running|stopped|deallocated|hung|crashed|frozen|unresponsive|not responding)", "vm-responds", "no",
          Strength.LEAD),
      pos("(?:answers?|responds?|replies|reply|works?|succeeds?|succeeded|connects?|connected)\\b[^,]*?\\b" + PING + "\\b",
          "vm-responds", "yes", Strength.ANSWER),
      pos(PING + "\\b[^,]*?\\b(?:works?|succeeds?|succeeded|answers?|connects?|connected|gets? (?:an? )?(?:answer|reply|response))\\b",
          "vm-responds", "yes", Strength.ANSWER),
      pos(VM + "\\b[^,]*?\\b(?:are running|is running|run|runs|show running|shows running|are up|is up|are healthy|is healthy|"
          + "look fine|are fine)\\b", "vm-responds", "yes", Strength.LEAD),
      pos("\\bcan (?:rdp|ssh|log ?in|sign in|connect)\\b", "vm-responds", "yes", Strength.LEAD),
      // something listens on the port and answers locally (probe-port-listening, data-port-listening)
      neg("\\bnothing (?:is )?listen|\\bnot listening\\b|\\b(?:does not|doesn't|is not|isn't) listen", "*listening", "no", Strength.ANSWER),
      pos(APP + "\\b[^,]*?\\b(?:answers?|responds?|works?|loads?|serves?|replies|is fine|returns? (?:a )?(?:200|ok))\\b[^,]*?\\blocally\\b",
          "*listening", "yes", Strength.ANSWER),
      pos("\\blocally\\b[^,]*?\\b(?:it |iis |nginx |the app )?(?:works?|answers?|responds?|is fine|returns? (?:a )?(?:200|ok))\\b",
          "*listening", "yes", Strength.ANSWER),
      pos("(?:curl|wget|invoke-webrequest|browsing|a browser)\\b[^,]*?\\b(?:localhost|127\\.0\\.0\\.1)\\b[^,]*?\\b(?:works?|succeeds?|"
          + "succeeded|ok|200|fine|answers)\\b", "*listening", "yes", Strength.ANSWER),
      pos("\\b(?:shows?|in state|state) listening\\b", "*listening", "yes", Strength.ANSWER),
      // the guest firewall
      neg(GUEST_FW + "\\b[^,]*?\\b(?:does not|doesn't|is not|isn't)\\s+block", "guest-firewall-allows-probe", "yes", Strength.ANSWER),
      neg(GUEST_FW + "\\b[^,]*?\\b(?:blocks?|blocking|drops?|dropping|denies|denying|rejects?)\\b", "guest-firewall-allows-probe", "no",
          Strength.ANSWER),
      pos(GUEST_FW + "\\b[^,]*?\\b(?:is |are )?(?:off|disabled|turned off|allows?|open|opened)\\b", "guest-firewall-allows-probe", "yes",
          Strength.ANSWER),
      // the client (data-port-down)
      pos("\\b(?:my|our)(?: own)?(?: public| client| source| office)? ip(?: address)? is " + IP, "client-ip", null, Strength.ANSWER),
      pos("\\bclients?(?: ip)?(?: address)? (?:is|are|at) " + IP, "client-ip", null, Strength.ANSWER),
      pos("\\b(?:calls?|connections?|requests?|traffic|clients?) (?:from|coming from) " + IP, "client-ip", null, Strength.ANSWER),
      pos("\\b(?:testing|test|tested|connecting|connect|calling|curl(?:ing)?|coming) from " + IP, "client-ip", null, Strength.ANSWER),
      pos("\\b(?:job|caller|client|app|application|service|it|calls? come)\\b[^,]*?\\b(?:runs? on|from|is on) (?:one of )?(?:the |our )?"
          + "(?:[\\w-]+ )?(?:backends?|backend vms?|pool members?|vms in the (?:backend )?pool)\\b", "client-on-backend-vm", "yes",
          Strength.ANSWER),
      // the backend port of a rule used by a scale set
      pos("\\b(?:trying|try|want|need|tried|attempting|attempt)\\s+to\\s+(?:change|move|update|switch)\\b[^,]*?\\bbackend port\\b",
          "changing-backend-port", "yes", Strength.ANSWER),
      // health probe status, for the symptom
      neg("\\b(?:health )?probes?\\b[^,]*?\\b(?:red|failing|fails|failed|down|unhealthy|0 ?%|is 0|at 0)\\b", PROBE_HEALTH, "no",
          Strength.ANSWER),
      neg("\\b(?:marks?|marked|shows?|showing)\\b[^,]*?\\bunhealthy\\b", PROBE_HEALTH, "no", Strength.ANSWER),
      pos("\\b(?:health )?probes?\\b[^,]*?\\b(?:is |are |shows? |looks? )?(?:green|healthy|fine|ok|up|100 ?%|passing|passes)\\b",
          PROBE_HEALTH, "yes", Strength.ANSWER),
      pos("\\bbackends?\\b[^,]*?\\b(?:look|looks|are|is|show|shows|seem|seems)\\s+(?:healthy|fine|green|ok)\\b", PROBE_HEALTH, "yes",
          Strength.ANSWER),
      // leads on causes
      cause("\\b" + NSG + "\\b[^,]*?\\b(?:(?:was|were|is|are|has|have|had)\\s+)?(?:not|never|n't)\\s+(?:been\\s+)?(?:touched|changed|"
          + "modified|edited|updated)\\b|\\b" + NSG + "\\b[^,]*?\\b(?:unchanged|untouched)\\b|\\bno changes? (?:to|in|on) the " + NSG
          + "|\\bnobody (?:touched|changed) the " + NSG, "*blocked", "no", true),
      cause("\\b" + NSG + "\\b[^,]*?\\b(?:does not|doesn't|do not|don't|did not|didn't) (?:allow|admit|let)\\b", "*blocked", "yes", true),
      cause("\\b" + NSG + "\\b[^,]*?\\b(?:denies|deny|denying|blocks|blocking|drops|dropping)\\b", "*blocked", "yes", false),
      pos("\\b(?:changed|modified|updated|edited|added|hardened|tightened|locked down)\\b[^,]*?\\b" + NSG + "\\b|\\b" + NSG
          + "\\b[^,]*?\\b(?:changed|updated|modified|edited)\\b|\\bsecurity hardening\\b|\\bhardening change\\b", null, "*blocked",
          Strength.LEAD),
      pos("\\broute tables?\\b|\\buser[- ]defined routes?\\b|\\budrs?\\b|\\bnext hop\\b|\\bvirtual appliance\\b|\\bnva\\b|"
          + "\\bforced tunnel|\\bhub firewall\\b|\\b0\\.0\\.0\\.0/0\\b", null, "probe-misconfigured", Strength.LEAD));

  private ReportStatements() {}

  private static Reading pos(String regex, String question, String value, Strength s) {
    return reading(regex, question, value, s, false);
  }

  private static Reading neg(String regex, String question, String value, Strength s) {
    return reading(regex, question, value, s, true);
  }

  /** A lead on a cause: toward it ({@code yes}) or away from it ({@code no}); {@code negativeForm} when the pattern holds a negation. */
  private static Reading cause(String regex, String cause, String value, boolean negativeForm) {
    return new Reading(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), null, cause, value, Strength.LEAD, negativeForm);
  }

  private static Reading reading(String regex, String question, String value, Strength s, boolean negative) {
    Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    if (question == null) {
      boolean away = negative;
      return new Reading(p, null, value, away ? "no" : "yes", s, negative);
    }
    return new Reading(p, question, null, value, s, negative);
  }

  /**
   * The statements of a report.
   *
   * @param questions the question ids of the symptom under triage (and {@link #PROBE_HEALTH} when wanted);
   *     {@code *listening} readings go to whichever of {@code probe-port-listening} / {@code data-port-listening} it has
   * @param causes the cause ids of the symptom; {@code *blocked} leads go to whichever of {@code probe-port-blocked} /
   *     {@code data-port-blocked} it has
   * @param notClients addresses that are no client (the load balancer's own frontends)
   */
  static List<Statement> read(String report, Set<String> questions, Set<String> causes, Set<String> notClients) {
    return read(report, questions, causes, notClients, Set.of());
  }

  /**
   * @param leadOnly questions the facts make an answer ambiguous for, so that what the report says of them is only
   *     a lead (e.g. "IIS answers locally" when the probe port is not the port the application serves)
   */
  static List<Statement> read(String report, Set<String> questions, Set<String> causes, Set<String> notClients,
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
      for (Reading r : READINGS) {
        if (!r.negative() && negated) {
          continue;
        }
        String target = r.question() != null ? resolve(r.question(), questions, "-port-listening") : resolve(r.cause(), causes, "-port-blocked");
        if (target == null || (r.question() != null ? !questions.contains(target) : !causes.contains(target))) {
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
        String segment = segment(lower, m.start(), m.end());
        if ("vm-responds".equals(target) && FRONTEND.matcher(segment).find()) {
          continue;
        }
        if ("probe-port-listening".equals(target) && DATA_PORT.matcher(segment).find()
            || "data-port-listening".equals(target) && PROBE_PORT.matcher(segment).find()) {
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

  /** "*listening" to the symptom's listening question; anything else as is. */
  private static String resolve(String id, Set<String> ids, String suffix) {
    if (id == null || !id.startsWith("*")) {
      return id;
    }
    return ids.stream().filter(x -> x.endsWith(suffix)).findFirst().orElse(null);
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
