package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.rules.facts.ArmId;
import java.util.List;

/**
 * The end of a triage, one screen first and as ONE message: the headline (the confirmed cause, its
 * one-line evidence, the commands that fix it; or "healthy" with what is left to look at; or what is
 * still suspected). The rest comes on request, each one message: {@link #details} (every cause with
 * its evidence, every fix step and command, suspected causes' fixes), {@code why} ({@link
 * Explain#why}) and {@link #support}.
 */
final class Conclusion {

  private Conclusion() {}

  /** What a conclusion without a confirmed cause offers, as its last line: the support-case bundle. */
  static final String BUNDLE_OFFER = "No confirmed cause: make a support-case bundle";

  static void render(Diagnosis d, Ctx c) {
    c.say(headline(d));
    stillConfirmedAfterTried(d, c);
    c.say(Explain.afterConclusion());
  }

  /**
   * When the user said a fix was already tried and a cause is still confirmed: says so, rather than
   * give the same conclusion as if nothing had been done.
   */
  private static void stillConfirmedAfterTried(Diagnosis d, Ctx c) {
    List<RemediationTried> tried = c.state.tried();
    if (tried.isEmpty() || d.confirmed().isEmpty()) {
      return;
    }
    RemediationTried last = tried.get(tried.size() - 1);
    c.notice(Section.Level.WARNING, "You said \"" + last.what().replaceAll("\\s+", " ") + "\" was already tried ("
        + (last.by() == null ? "" : last.by() + ", ") + last.at() + "). These facts still confirm: "
        + String.join("; ", d.confirmed().stream().map(Diagnosis.CauseFinding::title).toList()) + ". If they were read after your "
        + "change (\"refresh\" reads them again), the change has not reached what Azure returns for " + ArmId.name(d.loadBalancer())
        + ": check it was saved on the resource named in the evidence. \"bundle\" makes a support-case bundle.");
  }

  /** The first screen of the conclusion, one message. */
  static Message headline(Diagnosis d) {
    String lb = ArmId.name(d.loadBalancer());
    Message.Builder m = Message.builder("Conclusion: " + d.symptom().title() + " on " + lb);
    List<Diagnosis.CauseFinding> confirmed = d.confirmed();
    if (!confirmed.isEmpty()) {
      for (Diagnosis.CauseFinding f : confirmed) {
        m.text("Confirmed: " + f.title() + ".\nEvidence: " + oneLine(f));
        d.remediationOf(f.cause()).ifPresent(r -> fix(r, m));
      }
    } else if (d.health().healthy()) {
      m.text("Healthy: the facts show no fault on " + lb + ".").bullets(d.health().evidence());
      m.text("Left to look at:").bullets(d.health().leftToCheck());
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
      m.text(b.toString());
    }
    for (String n : d.notices()) {
      m.notice(Section.Level.INFO, n);
    }
    if (!d.missingFacts().isEmpty()) {
      int n = d.missingFacts().size();
      m.notice(Section.Level.WARNING, n + " fact" + (n == 1 ? "" : "s") + " could not be read, so the diagnosis may be weaker"
          + " (\"details\" lists them).");
    }
    if (confirmed.isEmpty()) {
      m.add(Section.Buttons.offer(BUNDLE_OFFER, "bundle"));
    }
    return m.build();
  }

  private static void fix(Diagnosis.Remediation r, Message.Builder m) {
    List<Diagnosis.Command> fixes = r.fixes();
    if (!fixes.isEmpty()) {
      m.add(commands(fixes.size() == 1 ? "Fix" : "Fix (in this order)", fixes));
    } else if (!r.steps().isEmpty()) {
      m.text("Fix: " + r.steps().get(0) + (r.steps().size() > 1 ? " (\"details\" has every step)" : ""));
    }
    List<String> fixNotes = r.notes().stream().filter(n -> n.contains(Diagnoser.FIX_NOTE)).toList();
    if (!fixNotes.isEmpty()) {
      m.notice(Section.Level.INFO, String.join("\n", fixNotes));
    }
  }

  /** Everything the headline leaves out, one message: causes with evidence, every fix, open questions, missing facts. */
  static void details(Diagnosis d, Ctx c) {
    c.say(detailsMessage(d));
  }

  static Message detailsMessage(Diagnosis d) {
    Message.Builder m = Message.builder("Details").add(findings("Findings", d));
    if (!d.symptomEvidence().isEmpty()) {
      m.text("What shows the symptom:").bullets(d.symptomEvidence());
    }
    if (d.health().healthy()) {
      m.text("Why it looks healthy:").bullets(d.health().evidence());
    }
    for (Diagnosis.Remediation r : d.remediation()) {
      String title = d.findings().stream().filter(f -> f.cause().equals(r.cause())).map(Diagnosis.CauseFinding::title)
          .findFirst().orElse(r.cause());
      m.heading((r.status().equals("confirmed") ? "Fix: " : "If it turns out to be this (suspected): ") + title);
      m.steps(r.steps());
      if (!r.commands().isEmpty()) {
        m.add(commands("az commands for " + r.cause(), r.commands()));
      }
      if (!r.notes().isEmpty()) {
        m.notice(Section.Level.INFO, String.join("\n", r.notes()));
      }
    }
    if (d.remediation().isEmpty()) {
      m.text(d.health().healthy() ? "No fix is suggested: nothing in the facts or your answers points to a cause."
          : "No fix applies yet: no cause is confirmed or suspected.");
    }
    missing(d, m);
    return m.build();
  }

  /** What to collect for a support case, one message. */
  static void support(Diagnosis d, Ctx c) {
    if (d.supportCase().isEmpty()) {
      c.say("There is nothing to collect for this situation.");
      return;
    }
    c.say(supportMessage(d));
  }

  static Message supportMessage(Diagnosis d) {
    Message.Builder m = Message.builder("What to collect for a support case");
    for (Diagnosis.SupportStep s : d.supportCase()) {
      m.heading(s.title()).steps(s.steps());
      if (s.how() != null) {
        m.add(s.how());
      }
    }
    return m.build();
  }

  /** A warning naming the facts that could not be read, when there are any. */
  static void missing(Diagnosis d, Message.Builder m) {
    if (!d.missingFacts().isEmpty()) {
      m.notice(Section.Level.WARNING, "Some facts could not be read, so the diagnosis may be weaker:\n- "
          + String.join("\n- ", d.missingFacts()));
    }
  }

  static Section.Findings findings(String title, Diagnosis d) {
    return new Section.Findings(title, d.findings().stream()
        .map(f -> new Section.Finding(f.cause(), f.title(), Section.Status.of(f.status()), f.evidence())).toList());
  }

  /** The diagnosis' commands ({@code az} command lines, each with its description) as a commands section. */
  static Section.Commands commands(String caption, List<Diagnosis.Command> commands) {
    return new Section.Commands(caption, Section.Shell.BASH,
        commands.stream().map(c -> new Section.Command(c.description(), c.command())).toList());
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
}
