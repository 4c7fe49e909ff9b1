package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.kb.model.PathHop;
import java.util.List;

/**
 * The outcome of a diagnosis; its JSON form is the public contract of {@code lb-triage diagnose}.
 *
 * @param symptom the entry point and how well the report matched it (score null when chosen by id)
 * @param loadBalancer the ARM id of the load balancer
 * @param findings one per cause of the symptom, in the knowledge base's order
 * @param questions what the rules need answered, most useful first
 * @param remediation the fixes, filled in, for the causes that matter now
 * @param symptomEvidence facts that show the symptom itself (e.g. a probe health metric at 0)
 * @param supportCase what to collect for a support case, filled in
 * @param missingFacts facts that could not be read (the diagnosis may be weaker for it)
 * @param problems problems met reading the input
 * @param health what the facts say of the load balancer's own path (probes, NSGs, routes); {@code
 *     healthy} only when every backend's probe is up and nothing in the path denies or diverts
 * @param notices what the engineer must know that is not a cause of the symptom (a retired SKU and
 *     its upgrade path, a problem outside the symptom such as SNAT exhaustion, an address not evaluated)
 */
public record Diagnosis(
    SymptomRef symptom,
    String loadBalancer,
    List<CauseFinding> findings,
    List<OpenQuestion> questions,
    List<Remediation> remediation,
    List<String> symptomEvidence,
    List<SupportStep> supportCase,
    List<String> missingFacts,
    List<String> problems,
    Health health,
    List<String> notices) {
  /** Without notices. */
  public Diagnosis(SymptomRef symptom, String loadBalancer, List<CauseFinding> findings, List<OpenQuestion> questions,
      List<Remediation> remediation, List<String> symptomEvidence, List<SupportStep> supportCase, List<String> missingFacts,
      List<String> problems, Health health) {
    this(symptom, loadBalancer, findings, questions, remediation, symptomEvidence, supportCase, missingFacts, problems, health,
        List.of());
  }

  public Diagnosis {
    notices = notices == null ? List.of() : List.copyOf(notices);
    findings = List.copyOf(findings);
    questions = List.copyOf(questions);
    remediation = List.copyOf(remediation);
    symptomEvidence = List.copyOf(symptomEvidence);
    supportCase = List.copyOf(supportCase);
    missingFacts = List.copyOf(missingFacts);
    problems = List.copyOf(problems);
  }

  /** The symptom diagnosed. */
  public record SymptomRef(String id, Double score, String title) {}

  /**
   * A cause and what the evidence says of it.
   *
   * @param status {@code confirmed}, {@code suspected} or {@code ruled-out}
   * @param rule the rule that decided it, null when nothing decided it yet
   * @param subjects the backends (IPs) or rules it concerns, {@code *} for the whole load balancer
   * @param hop where on the traffic path it shows: the hop its decisive findings are about (a diverting route), else
   *     its cause's {@code pathHop} in the KB; null when nowhere. Not part of the JSON form.
   */
  public record CauseFinding(String cause, String title, String status, List<String> evidence, String rule, List<String> subjects,
      @com.fasterxml.jackson.annotation.JsonIgnore PathHop hop) {
    private static final java.util.regex.Pattern OPEN_RULE = java.util.regex.Pattern.compile(
        "does not know|not known|admits?\\b|unknown", java.util.regex.Pattern.CASE_INSENSITIVE);

    public CauseFinding {
      evidence = List.copyOf(evidence);
      subjects = List.copyOf(subjects);
    }

    public CauseFinding(String cause, String title, String status, List<String> evidence, String rule, List<String> subjects) {
      this(cause, title, status, evidence, rule, subjects, null);
    }

    /** The same finding with other evidence lines (e.g. each answer saying where it came from). */
    public CauseFinding withEvidence(List<String> other) {
      return new CauseFinding(cause, title, status, other, rule, subjects, hop);
    }

    /**
     * Whether a suspected cause is one the facts point to rather than one still open: a rule decided
     * it, and not a rule that keeps it open for want of an answer ("does not know", "not known") or
     * that found the path admitted.
     */
    public boolean pointedTo() {
      return status.equals("suspected") && rule != null && !OPEN_RULE.matcher(rule).find() && !evidence.isEmpty()
          && evidence.stream().noneMatch(e -> e.startsWith("not decided"));
    }
  }

  /**
   * A question the rules need answered.
   *
   * @param how how to check, per platform, filled in; null when no line could be filled
   * @param subject the backend it is about, {@code *} when the whole load balancer
   * @param answerKind the expected answer: yes-no, ip-address, port or text
   */
  public record OpenQuestion(String id, String text, String why, Section.HowTo how, String subject, String cause, String answerKind) {}

  /**
   * The fix for one cause, filled in: only what applies to these facts and can be filled completely.
   *
   * @param steps what to do, in words, in order
   * @param commands every command filled in, in the knowledge base's order: those that fix the cause
   *     ({@link Command#fix()}) and those that only look or check
   * @param notes one line for each step or command left out for a value no fact or answer gives
   */
  public record Remediation(String cause, String status, List<String> steps, List<Command> commands, List<String> notes) {
    public Remediation {
      steps = List.copyOf(steps);
      commands = List.copyOf(commands);
      notes = List.copyOf(notes);
    }

    /** The commands that fix the cause, in the order to run them (not part of the JSON: {@code commands} with {@code fix} true). */
    public List<Command> fixes() {
      return commands.stream().filter(Command::fix).toList();
    }
  }

  /**
   * One command of a fix, filled in; structure only, a face decides how to show it.
   *
   * @param description what it does, one line
   * @param command the command to paste (an {@code az} command line), no placeholder left
   * @param fix true when it changes something to fix the cause; false when it only looks or checks
   */
  public record Command(String description, String command, boolean fix) {}

  /**
   * The load balancer's own path as the facts show it.
   *
   * @param healthy every backend's health probe is up (DipAvailability 100 %), no backend is stopped,
   *     and no NSG rule denies, no route diverts the probe or the clients
   * @param evidence the facts that show it, one line each (empty when not healthy)
   * @param leftToCheck what is left to look at when healthy: outside what Azure's facts show
   */
  public record Health(boolean healthy, List<String> evidence, List<String> leftToCheck) {
    public Health {
      evidence = List.copyOf(evidence);
      leftToCheck = List.copyOf(leftToCheck);
    }

    public static Health unknown() {
      return new Health(false, List.of(), List.of());
    }
  }

  /** One thing to collect for a support case, filled in; {@code how} null when nothing could be filled. */
  public record SupportStep(String id, String title, List<String> steps, Section.HowTo how) {
    public SupportStep {
      steps = List.copyOf(steps);
    }
  }

  /** The remediation of one cause, if any. */
  public java.util.Optional<Remediation> remediationOf(String cause) {
    return remediation.stream().filter(r -> r.cause().equals(cause)).findFirst();
  }

  /** The findings that are confirmed. */
  public List<CauseFinding> confirmed() {
    return findings.stream().filter(f -> f.status().equals("confirmed")).toList();
  }
}
