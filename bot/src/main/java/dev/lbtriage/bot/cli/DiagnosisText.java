package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.rules.facts.ArmId;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A diagnosis for a person under pressure, one screen first: the headline (the confirmed cause, its
 * evidence in one line, the commands that fix it; or "healthy"; or what is suspected and the
 * questions that decide it), then below a rule the details: every cause with all its evidence, every
 * fix step and command, what is not known, and what to collect for a support case.
 */
final class DiagnosisText {
  static final String FOLD = "---- details ----";

  private DiagnosisText() {}

  static void print(PrintWriter out, Diagnosis d) {
    out.println("Symptom: " + d.symptom().title() + " [" + d.symptom().id() + "]"
        + (d.symptom().score() == null ? "" : String.format(Locale.ROOT, " (match %.2f)", d.symptom().score())));
    out.println("Load balancer: " + ArmId.name(d.loadBalancer()) + " (resource group " + ArmId.resourceGroup(d.loadBalancer()) + ")");
    out.println();
    headline(out, d);
    out.println();
    out.println(FOLD);
    details(out, d);
    out.flush();
  }

  private static void headline(PrintWriter out, Diagnosis d) {
    List<Diagnosis.CauseFinding> confirmed = d.confirmed();
    for (Diagnosis.CauseFinding f : confirmed) {
      out.println("CONFIRMED  " + f.title() + " [" + f.cause() + "]");
      out.println("  Evidence: " + oneLine(f));
      d.remediationOf(f.cause()).ifPresent(r -> {
        if (!r.fix().isEmpty()) {
          out.println("  Fix:");
          out.println("    " + String.join("\n\n", r.fix()).replace("\n", "\n    ").replace("\n    \n", "\n\n"));
        } else if (!r.steps().isEmpty()) {
          out.println("  Fix: " + r.steps().get(0));
        }
        r.notes().stream().filter(n -> n.contains(Diagnoser.FIX_NOTE)).forEach(n -> out.println("  note: " + n));
      });
    }
    if (confirmed.isEmpty() && d.health().healthy()) {
      out.println("HEALTHY  the facts show no fault on " + ArmId.name(d.loadBalancer()));
      d.health().evidence().forEach(e -> out.println("  - " + e));
      out.println("  Left to look at:");
      d.health().leftToCheck().forEach(e -> out.println("  - " + e));
    } else if (confirmed.isEmpty()) {
      out.println("NOTHING CONFIRMED");
      for (Diagnosis.CauseFinding f : d.findings()) {
        if (f.pointedTo()) {
          out.println("  SUSPECTED, the facts point to it: " + f.title() + " [" + f.cause() + "]");
          out.println("    Evidence: " + oneLine(f));
        }
      }
      for (Diagnosis.CauseFinding f : d.findings()) {
        if (f.status().equals("suspected") && !f.pointedTo()) {
          out.println("  suspected: " + f.title() + " [" + f.cause() + "]");
        }
      }
      if (!d.questions().isEmpty()) {
        out.println("  Answer the open questions below (--answer ID=VALUE) to decide: "
            + String.join(", ", d.questions().stream().map(Diagnosis.OpenQuestion::id).toList()));
      }
    }
    if (!d.missingFacts().isEmpty()) {
      out.println("  warning: " + d.missingFacts().size() + " fact(s) could not be read; see \"Not known\" below.");
    }
  }

  private static void details(PrintWriter out, Diagnosis d) {
    for (String s : d.symptomEvidence()) {
      out.println("  seen: " + s);
    }
    for (String n : d.notices()) {
      out.println("  NOTE: " + n);
    }
    out.println("Causes");
    for (Diagnosis.CauseFinding f : d.findings()) {
      out.printf(Locale.ROOT, "  %-10s %s [%s]%n", f.status().toUpperCase(Locale.ROOT), f.title(), f.cause());
      for (String e : f.evidence()) {
        out.println("             - " + e.replace("\n", "\n               "));
      }
    }
    List<Diagnosis.Remediation> confirmed = d.remediation().stream().filter(r -> r.status().equals("confirmed")).toList();
    if (!confirmed.isEmpty()) {
      out.println();
      out.println("What to do");
      for (Diagnosis.Remediation r : confirmed) {
        out.println("  " + r.cause() + " (" + r.status() + ")");
        int i = 1;
        for (String step : r.steps()) {
          out.println("    " + i++ + ". " + step);
        }
        for (String c : r.commands()) {
          out.println("      " + c.replace("\n", "\n      "));
        }
        r.notes().forEach(n -> out.println("    note: " + n));
      }
    }
    long suspectedFixes = d.remediation().stream().filter(r -> !r.status().equals("confirmed")).count();
    if (suspectedFixes > 0) {
      out.println();
      out.println("Fixes for the " + suspectedFixes + " suspected cause(s) are not shown until one is confirmed"
          + " (--format json lists them).");
    }
    if (!d.questions().isEmpty()) {
      out.println();
      out.println("Open questions (answer with --answer ID=VALUE)");
      for (Diagnosis.OpenQuestion q : d.questions()) {
        out.println("  " + q.id() + ": " + q.text());
        how(out, q.how());
      }
    }
    if (!d.missingFacts().isEmpty()) {
      out.println();
      out.println("Not known (the diagnosis may be weaker for it)");
      d.missingFacts().forEach(m -> out.println("  - " + m));
    }
    if (!d.supportCase().isEmpty()) {
      out.println();
      out.println("For a support case");
      for (Diagnosis.SupportStep s : d.supportCase()) {
        out.println("  " + s.title());
        s.steps().forEach(step -> out.println("    - " + step));
        how(out, s.how());
      }
    }
  }

  /** A how-to, one block per platform, each labelled. */
  private static void how(PrintWriter out, Section.HowTo how) {
    if (how == null) {
      return;
    }
    for (Section.Way w : how.ways()) {
      out.println("      " + w.platform().label() + ":");
      w.lines().forEach(l -> out.println("        " + l));
    }
  }

  private static String oneLine(Diagnosis.CauseFinding f) {
    if (f.evidence().isEmpty()) {
      return "(none recorded)";
    }
    int more = f.evidence().size() - 1;
    return f.evidence().get(0).replace('\n', ' ') + (more > 0 ? " (+" + more + " more below)" : "");
  }
}
