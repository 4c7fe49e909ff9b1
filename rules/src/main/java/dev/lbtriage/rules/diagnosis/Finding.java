package dev.lbtriage.rules.diagnosis;

import java.util.List;

/**
 * A rule's verdict on one cause, for one subject (a backend IP, a rule, or the whole load balancer).
 *
 * @param cause a KB cause id
 * @param status confirmed, suspected or ruled out
 * @param subject what it is about, e.g. the backend IP {@code 10.0.0.4}; {@code *} for the whole LB
 * @param evidence what decided it: facts (NSG rule, route, metric point, power state) or answers
 * @param rule the name of the rule that decided it
 * @param about the flow or route it was decided from, null when none (an answer, a power state, a live check)
 */
public record Finding(String cause, Status status, String subject, List<String> evidence, String rule, Concern about) {
  public Finding {
    evidence = List.copyOf(evidence);
  }

  public Finding(String cause, Status status, String subject, List<String> evidence, String rule) {
    this(cause, status, subject, evidence, rule, null);
  }

  public static Finding of(String cause, Status status, String subject, String rule, String... evidence) {
    return new Finding(cause, status, subject, List.of(evidence), rule);
  }

  /** A finding decided from one flow or route: its values fill the fix, and it marks the hop it is about. */
  public static Finding about(Concern about, String cause, Status status, String subject, String rule, String... evidence) {
    return new Finding(cause, status, subject, List.of(evidence), rule, about);
  }
}
