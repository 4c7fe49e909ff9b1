package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.ArmId;
import java.util.List;

/** The end of a triage: findings with evidence, the fixes as {@code az} commands, what to collect for support. */
final class Conclusion {
  private Conclusion() {}

  static void render(Diagnosis d, Ctx c) {
    c.say(new Reply.Text("Conclusion: " + d.symptom().title() + " on " + ArmId.name(d.loadBalancer()), true));
    List<Diagnosis.CauseFinding> confirmed = d.confirmed();
    c.say(confirmed.isEmpty()
        ? "Nothing is confirmed. The causes still suspected are listed with their fixes, to check one by one."
        : "Confirmed: " + String.join("; ", confirmed.stream().map(Diagnosis.CauseFinding::title).toList()) + ".");
    c.say(findings("Findings", d));
    if (!d.symptomEvidence().isEmpty()) {
      c.say("What shows the symptom:\n- " + String.join("\n- ", d.symptomEvidence()));
    }
    for (Diagnosis.Remediation r : d.remediation()) {
      String title = d.findings().stream().filter(f -> f.cause().equals(r.cause())).map(Diagnosis.CauseFinding::title)
          .findFirst().orElse(r.cause());
      c.say(new Reply.Text("Fix: " + title + " (" + r.status() + ")", true));
      c.say(numbered(r.steps()));
      if (!r.commands().isEmpty()) {
        c.say(new Reply.Code("az commands for " + r.cause(), "bash", String.join("\n\n", r.commands())));
      }
    }
    if (!d.supportCase().isEmpty()) {
      c.say(new Reply.Text("If that does not fix it: what to collect for a support case", true));
      for (Diagnosis.SupportStep s : d.supportCase()) {
        c.say(s.title() + "\n" + numbered(s.steps()).text());
        if (s.how() != null && !s.how().isBlank()) {
          c.say(new Reply.Code(s.title(), "text", s.how()));
        }
      }
    }
    missing(d, c);
    c.say(Explain.afterConclusion());
  }

  /** A warning naming the facts that could not be read, when there are any. */
  static void missing(Diagnosis d, Ctx c) {
    if (!d.missingFacts().isEmpty()) {
      c.notice(Reply.Notice.Level.WARNING, "Some facts could not be read, so the diagnosis may be weaker:\n- "
          + String.join("\n- ", d.missingFacts()));
    }
  }

  static Reply.FindingsTable findings(String title, Diagnosis d) {
    return new Reply.FindingsTable(title, d.findings().stream()
        .map(f -> new Reply.FindingsTable.Row(f.cause(), f.title(), f.status(), f.evidence())).toList());
  }

  private static Reply.Text numbered(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
    }
    return new Reply.Text(b.toString());
  }
}
