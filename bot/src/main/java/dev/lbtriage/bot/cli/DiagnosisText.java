package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.ArmId;
import java.io.PrintWriter;
import java.util.Locale;

/** A diagnosis for a person under pressure: the verdicts first, then what to do, then what to check. */
final class DiagnosisText {
  private DiagnosisText() {}

  static void print(PrintWriter out, Diagnosis d) {
    out.println("Symptom: " + d.symptom().title() + " [" + d.symptom().id() + "]"
        + (d.symptom().score() == null ? "" : String.format(Locale.ROOT, " (match %.2f)", d.symptom().score())));
    out.println("Load balancer: " + ArmId.name(d.loadBalancer()) + " (resource group " + ArmId.resourceGroup(d.loadBalancer()) + ")");
    for (String s : d.symptomEvidence()) {
      out.println("  seen: " + s);
    }
    for (String n : d.notices()) {
      out.println("  NOTE: " + n);
    }
    out.println();
    out.println("Causes");
    for (Diagnosis.CauseFinding f : d.findings()) {
      out.printf(Locale.ROOT, "  %-10s %s [%s]%n", f.status().toUpperCase(Locale.ROOT), f.title(), f.cause());
      for (String e : f.evidence()) {
        out.println("             - " + e.replace("\n", "\n               "));
      }
    }
    if (!d.remediation().isEmpty()) {
      out.println();
      out.println("What to do");
      for (Diagnosis.Remediation r : d.remediation()) {
        out.println("  " + r.cause() + " (" + r.status() + ")");
        int i = 1;
        for (String step : r.steps()) {
          out.println("    " + i++ + ". " + step);
        }
        for (String c : r.commands()) {
          out.println("      " + c.replace("\n", "\n      "));
        }
      }
    }
    if (!d.questions().isEmpty()) {
      out.println();
      out.println("Open questions (answer with --answer ID=VALUE)");
      for (Diagnosis.OpenQuestion q : d.questions()) {
        out.println("  " + q.id() + ": " + q.text());
        if (q.how() != null) {
          out.println("      " + q.how().replace("\n", "\n      "));
        }
      }
    }
    if (!d.missingFacts().isEmpty()) {
      out.println();
      out.println("Not known (the diagnosis may be weaker for it)");
      d.missingFacts().forEach(m -> out.println("  - " + m));
    }
    out.println();
    out.println("For a support case");
    for (Diagnosis.SupportStep s : d.supportCase()) {
      out.println("  " + s.title());
      s.steps().forEach(step -> out.println("    - " + step));
      if (s.how() != null) {
        out.println("      " + s.how().replace("\n", "\n      "));
      }
    }
    out.flush();
  }
}
