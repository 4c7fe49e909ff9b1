package dev.lbtriage.rules.diagnosis;

import java.util.List;

/**
 * What the rules concluded: the findings with evidence, the questions they need answered, what
 * shows the symptom itself, and which rules fired (for tests and for "why?").
 */
public record RuleOutcome(List<Finding> findings, List<Ask> asks, List<SymptomSeen> seen, List<String> firedRules) {
  public RuleOutcome {
    findings = List.copyOf(findings);
    asks = List.copyOf(asks);
    seen = List.copyOf(seen);
    firedRules = List.copyOf(firedRules);
  }
}
