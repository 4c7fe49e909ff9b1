package dev.lbtriage.engine.diagnosis;

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
    List<String> notices) {
  /** Without notices. */
  public Diagnosis(SymptomRef symptom, String loadBalancer, List<CauseFinding> findings, List<OpenQuestion> questions,
      List<Remediation> remediation, List<String> symptomEvidence, List<SupportStep> supportCase, List<String> missingFacts,
      List<String> problems) {
    this(symptom, loadBalancer, findings, questions, remediation, symptomEvidence, supportCase, missingFacts, problems, List.of());
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
   */
  public record CauseFinding(String cause, String title, String status, List<String> evidence, String rule, List<String> subjects) {
    public CauseFinding {
      evidence = List.copyOf(evidence);
      subjects = List.copyOf(subjects);
    }
  }

  /**
   * A question the rules need answered.
   *
   * @param how how to check, per OS, filled in (one line per OS)
   * @param subject the backend it is about, {@code *} when the whole load balancer
   * @param answerKind the expected answer: yes-no, ip-address, port or text
   */
  public record OpenQuestion(String id, String text, String why, String how, String subject, String cause, String answerKind) {}

  /** The fix for one cause, filled in. */
  public record Remediation(String cause, String status, List<String> steps, List<String> commands) {
    public Remediation {
      steps = List.copyOf(steps);
      commands = List.copyOf(commands);
    }
  }

  /** One thing to collect for a support case, filled in. */
  public record SupportStep(String id, String title, List<String> steps, String how) {
    public SupportStep {
      steps = List.copyOf(steps);
    }
  }

  /** The findings that are confirmed. */
  public List<CauseFinding> confirmed() {
    return findings.stream().filter(f -> f.status().equals("confirmed")).toList();
  }
}
