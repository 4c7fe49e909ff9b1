package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * The diagnosis rules, loaded once from the executable model compiled at build time. Thread-safe:
 * each diagnosis gets a session of its own.
 */
public final class RuleEngine {
  /** The knowledge base name in {@code META-INF/kmodule.xml}. */
  public static final String KIE_BASE = "diagnosis";

  private final KieBase kieBase;

  public RuleEngine(KieBase kieBase) {
    this.kieBase = kieBase;
  }

  /** The rules compiled at build time (the executable model in this jar). */
  public static RuleEngine fromClasspath() {
    return new RuleEngine(KieServices.get().getKieClasspathContainer(RuleEngine.class.getClassLoader()).getKieBase(KIE_BASE));
  }

  /** Opens a triage of one load balancer for one symptom. */
  public DiagnosisSession open(AzureFacts facts, Triage triage) {
    return new DiagnosisSession(kieBase.newKieSession(), facts, triage);
  }

  /** One-shot: open, answer, fire, collect, close. */
  public RuleOutcome diagnose(AzureFacts facts, Triage triage, List<Answer> answers) {
    try (DiagnosisSession s = open(facts, triage)) {
      answers.forEach(s::answer);
      return s.run();
    }
  }

  public KieBase kieBase() {
    return kieBase;
  }
}
