package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.rules.facts.ArmId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Remediation already tried: the chat's {@code tried WHAT} command, and statements after a
 * conclusion such as "I already opened port 80 in the NSG, still failing", read conservatively (a
 * first-person change made, not a question, not negated). What is recorded goes into the state and
 * the bundle's {@code SUMMARY.md}. When the user says the conclusion's own fix was applied and it
 * still fails, the reply says so plainly (the fix did not clear it, or the facts held are from
 * before the change: {@code refresh}) instead of repeating the conclusion.
 */
final class AlreadyTried {
  /** Longest text kept for one entry; the line itself is bounded by {@link InputGuard}. */
  static final int MAX_CHARS = RemediationTried.MAX_CHARS;

  private static final String CHANGE_VERBS = "opened|added|allowed|permitted|whitelisted|unblocked|changed|modified|edited|updated|"
      + "fixed|corrected|restarted|rebooted|started|applied|removed|deleted|created|enabled|disabled|reconfigured|configured|"
      + "set|ran|redeployed|recreated|replaced|switched|installed|associated|attached|detached|moved|resized|tried";
  /** "I (already|have|'ve|just) opened ...", "we restarted ...". */
  private static final Pattern DID = Pattern.compile("(?i)\\b(?:i|we)(?:'ve|\\s+have|\\s+had)?\\s+(?:already\\s+|just\\s+|also\\s+|now\\s+)?(?:"
      + CHANGE_VERBS + ")\\b");
  /** "already opened ...", "already did what you said". */
  private static final Pattern ALREADY = Pattern.compile("(?i)\\balready\\s+(?:" + CHANGE_VERBS + "|did|done|made)\\b");
  /** "I haven't opened", "we did not restart", "can't change": not a change made. */
  private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:i|we)(?:\\s+have|\\s+had|\\s+did|\\s+do|\\s+can|\\s+could)?"
      + "(?:n't|\\s+not|\\s+never|\\s+cannot)\\b|\\b(?:haven't|hasn't|didn't|not\\s+yet|can't|cannot)\\b");
  /** "the fix", "your commands", "what you suggested". */
  private static final Pattern THE_FIX = Pattern.compile("(?i)\\b(?:the|your|that|this|those|these|suggested)\\s+(?:fix|fixes|change|"
      + "changes|commands?|steps?|suggestion|remediation|rule)\\b|\\bwhat\\s+you\\s+(?:said|suggested|proposed)\\b");
  private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "that", "this", "still", "already", "have",
      "has", "was", "were", "are", "but", "not", "now", "its", "it's", "you", "your", "our", "all", "any", "also", "just", "into",
      "then", "than", "did", "does", "doing", "done", "after", "before", "again", "there", "here", "what", "when", "which", "who",
      "failing", "fail", "fails", "failed", "working", "work", "works", "say", "said", "tried", "try", "they", "them");

  private AlreadyTried() {}

  /** A statement of remediation tried, as read from a line after a conclusion. */
  record Statement(String what, boolean stillFailing) {}

  /** The line as a statement of a change already made, or empty (a question, a negation, anything else). */
  static Optional<Statement> statement(String line) {
    String text = line == null ? "" : line.strip();
    if (text.isEmpty() || text.contains("?") || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    boolean did = DID.matcher(text).find() || ALREADY.matcher(text).find();
    if (!did || NEGATED.matcher(beforeStill(text)).find()) {
      return Optional.empty();
    }
    return Optional.of(new Statement(text, RemediationTried.saysStillFailing(text)));
  }

  /** Whether {@code text} says it did not help. */
  static boolean stillFailing(String text) {
    return RemediationTried.saysStillFailing(text);
  }

  /** The text before "still ..." (where "not" says it fails, not that nothing was done). */
  private static String beforeStill(String text) {
    java.util.regex.Matcher m = RemediationTried.STILL_FAILING.matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }

  /**
   * Records what was tried and says so; when a cause is confirmed and what was tried is its fix
   * (named, or sharing its terms) and it still fails, says that the fix did not clear it and to
   * read the facts again. {@code d} is null before a load balancer is chosen.
   */
  static void note(Ctx c, String what, String source, boolean stillFailing, Diagnosis d) {
    String kept = what.strip().length() > MAX_CHARS ? what.strip().substring(0, MAX_CHARS) : what.strip();
    List<RemediationTried> all = new ArrayList<>(c.state.tried());
    all.add(new RemediationTried(kept, c.user, c.now, source, stillFailing));
    c.state = c.state.withTried(all);
    String lb = c.state.loadBalancer() == null ? "the load balancer" : ArmId.name(c.state.loadBalancer());
    Optional<Diagnosis.CauseFinding> fixed = d == null ? Optional.empty() : appliedFixOf(kept, d);
    Message.Builder m = Message.builder(null);
    m.text("Noted as remediation already tried (the support-case bundle's SUMMARY.md lists it with who and when): \""
        + oneLine(kept) + "\".");
    if (stillFailing && fixed.isPresent()) {
      Diagnosis.CauseFinding f = fixed.get();
      m.text("That is the fix I gave for \"" + f.title() + "\", and by your account it did not clear the problem. I will not repeat "
          + "the same conclusion: either the change has not reached what Azure returns for " + lb + " (saved on another NSG, NIC or "
          + "rule than the one in the evidence, or not saved), or it fixed that cause and another one remains. The facts I hold may "
          + "be from before your change (I keep them up to " + FactCache.TTL.toMinutes() + " minutes): say \"refresh\" to read them "
          + "again. If the cause is then gone and it still fails, say \"bundle\" for a support-case bundle.");
    } else if (stillFailing) {
      m.text("It still fails, so that did not clear it. The facts I hold may be from before your change: say \"refresh\" to read "
          + "them again, or \"bundle\" for a support-case bundle.");
    } else if (c.state.stage() == Stage.CONCLUDED) {
      m.text("Say \"refresh\" to read the facts of " + lb + " again and see whether it cleared the problem.");
    }
    c.say(m.build());
  }

  /** The confirmed cause whose fix {@code what} names or repeats, if any. */
  static Optional<Diagnosis.CauseFinding> appliedFixOf(String what, Diagnosis d) {
    List<Diagnosis.CauseFinding> confirmed = d.confirmed();
    if (confirmed.isEmpty()) {
      return Optional.empty();
    }
    boolean named = THE_FIX.matcher(what).find();
    Set<String> said = terms(what);
    Diagnosis.CauseFinding best = null;
    int bestOverlap = 0;
    for (Diagnosis.CauseFinding f : confirmed) {
      Optional<Diagnosis.Remediation> r = d.remediationOf(f.cause());
      if (r.isEmpty()) {
        continue;
      }
      Set<String> fix = terms(String.join(" ", r.get().steps()) + " " + String.join(" ", r.get().commands().stream()
          .map(c -> c.description() + " " + c.command()).toList()) + " " + f.title() + " " + String.join(" ", f.evidence()));
      Set<String> both = new HashSet<>(said);
      both.retainAll(fix);
      if (both.size() > bestOverlap) {
        best = f;
        bestOverlap = both.size();
      }
    }
    if (bestOverlap >= 2) {
      return Optional.of(best);
    }
    return named && confirmed.size() == 1 && d.remediationOf(confirmed.get(0).cause()).isPresent()
        ? Optional.of(confirmed.get(0)) : Optional.empty();
  }

  /** Lower-case words of 3+ letters and numbers, crudely stemmed, without common words. */
  static Set<String> terms(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.isEmpty() || STOP.contains(w) || (w.length() < 3 && !w.chars().allMatch(Character::isDigit))) {
        continue;
      }
      out.add(stem(w));
    }
    return out;
  }

  private static String stem(String w) {
    for (String suffix : List.of("ing", "ed", "s")) {
      if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ");
  }

  /** The reply to a bare {@code tried}: how to say it. */
  static void howTo(Ctx c) {
    c.notice(Section.Level.INFO, "Say what was already tried after \"tried\", e.g. \"tried: opened port 80 in nsg-web at 14:05, "
        + "still failing\": it goes into the support-case bundle's SUMMARY.md with who and when.");
  }
}
