package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.ArmId;
import java.util.List;

/**
 * The end of a triage, one screen first: the headline (the confirmed cause, its one-line evidence,
 * the commands that fix it; or "healthy" with what is left to look at; or what is still suspected).
 * The rest comes on request: {@link #details} (every cause with its evidence, every fix step and
 * command, suspected causes' fixes), {@code why} ({@link Explain#why}) and {@link #support}.
 */
final class Conclusion {

  private Conclusion() {}

  static void render(Diagnosis d, Ctx c) {
    headline(d, c);
    c.say(Explain.afterConclusion());
  }

  /** The first screen of the conclusion. */
  static void headline(Diagnosis d, Ctx c) {
    String lb = ArmId.name(d.loadBalancer());
    c.say(new Reply.Text("Conclusion: " + d.symptom().title() + " on " + lb, true));
    List<Diagnosis.CauseFinding> confirmed = d.confirmed();
    if (!confirmed.isEmpty()) {
      for (Diagnosis.CauseFinding f : confirmed) {
        c.say("Confirmed: " + f.title() + ".\nEvidence: " + oneLine(f));
        d.remediationOf(f.cause()).ifPresent(r -> fix(r, c));
      }
    } else if (d.health().healthy()) {
      c.say("Healthy: the facts show no fault on " + lb + ".\n- " + String.join("\n- ", d.health().evidence()));
      c.say("Left to look at:\n- " + String.join("\n- ", d.health().leftToCheck()));
    } else {
      List<Diagnosis.CauseFinding> backed = d.findings().stream()
          .filter(f -> f.status().equals("suspected") && hasEvidence(f)).toList();
      List<Diagnosis.CauseFinding> open = d.findings().stream()
          .filter(f -> f.status().equals("suspected") && !hasEvidence(f)).toList();
      StringBuilder b = new StringBuilder("Nothing is confirmed.");
      for (Diagnosis.CauseFinding f : backed) {
        b.append("\nSuspected, and the facts point to it: ").append(f.title()).append(".\nEvidence: ").append(oneLine(f));
      }
      if (!open.isEmpty()) {
        b.append(backed.isEmpty() ? "\nStill suspected: " : "\nAlso possible: ")
            .append(String.join("; ", open.stream().map(Diagnosis.CauseFinding::title).toList())).append('.');
      }
      if (backed.isEmpty() && open.isEmpty()) {
        b.append(" Every cause is ruled out by the facts and your answers.");
      }
      c.say(b.toString());
    }
    for (String n : d.notices()) {
      c.notice(Reply.Notice.Level.INFO, n);
    }
    if (!d.missingFacts().isEmpty()) {
      int n = d.missingFacts().size();
      c.notice(Reply.Notice.Level.WARNING, n + " fact" + (n == 1 ? "" : "s") + " could not be read, so the diagnosis may be weaker"
          + " (\"details\" lists them).");
    }
  }

  private static void fix(Diagnosis.Remediation r, Ctx c) {
    if (!r.fix().isEmpty()) {
      c.say(new Reply.Code(r.fix().size() == 1 ? "Fix" : "Fix (in this order)", "bash", String.join("\n\n", r.fix())));
    } else if (!r.steps().isEmpty()) {
      c.say("Fix: " + r.steps().get(0) + (r.steps().size() > 1 ? " (\"details\" has every step)" : ""));
    }
    List<String> fixNotes = r.notes().stream().filter(n -> n.contains(Diagnoser.FIX_NOTE)).toList();
    if (!fixNotes.isEmpty()) {
      c.notice(Reply.Notice.Level.INFO, String.join("\n", fixNotes));
    }
  }

  /** Everything the headline leaves out: causes with evidence, every fix, open questions, missing facts. */
  static void details(Diagnosis d, Ctx c) {
    c.say(findings("Findings", d));
    if (!d.symptomEvidence().isEmpty()) {
      c.say("What shows the symptom:\n- " + String.join("\n- ", d.symptomEvidence()));
    }
    if (d.health().healthy()) {
      c.say("Why it looks healthy:\n- " + String.join("\n- ", d.health().evidence()));
    }
    for (Diagnosis.Remediation r : d.remediation()) {
      String title = d.findings().stream().filter(f -> f.cause().equals(r.cause())).map(Diagnosis.CauseFinding::title)
          .findFirst().orElse(r.cause());
      c.say(new Reply.Text((r.status().equals("confirmed") ? "Fix: " : "If it turns out to be this (suspected): ") + title, true));
      if (!r.steps().isEmpty()) {
        c.say(numbered(r.steps()));
      }
      if (!r.commands().isEmpty()) {
        c.say(new Reply.Code("az commands for " + r.cause(), "bash", String.join("\n\n", r.commands())));
      }
      if (!r.notes().isEmpty()) {
        c.notice(Reply.Notice.Level.INFO, String.join("\n", r.notes()));
      }
    }
    if (d.remediation().isEmpty()) {
      c.say(d.health().healthy() ? "No fix is suggested: nothing in the facts or your answers points to a cause."
          : "No fix applies yet: no cause is confirmed or suspected.");
    }
    missing(d, c);
  }

  /** What to collect for a support case. */
  static void support(Diagnosis d, Ctx c) {
    if (d.supportCase().isEmpty()) {
      c.say("There is nothing to collect for this situation.");
      return;
    }
    c.say(new Reply.Text("What to collect for a support case", true));
    for (Diagnosis.SupportStep s : d.supportCase()) {
      c.say(s.title() + (s.steps().isEmpty() ? "" : "\n" + numbered(s.steps()).text()));
      if (s.how() != null && !s.how().isBlank()) {
        c.say(new Reply.Code(s.title(), "text", s.how()));
      }
    }
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

  /** The first evidence line, and how many more there are. */
  static String oneLine(Diagnosis.CauseFinding f) {
    if (f.evidence().isEmpty()) {
      return "(none recorded)";
    }
    int more = f.evidence().size() - 1;
    return f.evidence().get(0).replace('\n', ' ') + (more > 0 ? " (+" + more + " more: \"details\")" : "");
  }

  static boolean hasEvidence(Diagnosis.CauseFinding f) {
    return f.pointedTo();
  }

  private static Reply.Text numbered(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
    }
    return new Reply.Text(b.toString());
  }
}
