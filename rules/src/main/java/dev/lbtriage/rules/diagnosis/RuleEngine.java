package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * The diagnosis rules, loaded once from the executable model compiled at build time. Thread-safe:
 * each diagnosis gets a session of its own, taken from a pool of sessions of this KieBase; closing
 * the diagnosis resets its session (Drools' {@code KieSession.reset}: no fact, no activation, no
 * listener left) and gives it back, so a diagnosis does not pay for building the session's node
 * memories again (issue 18).
 */
public final class RuleEngine {
  /** The knowledge base name in {@code META-INF/kmodule.xml}. */
  public static final String KIE_BASE = "diagnosis";

  private final KieBase kieBase;
  private final KieSessionsPool sessions;

  public RuleEngine(KieBase kieBase) {
    this.kieBase = kieBase;
    this.sessions = kieBase.newKieSessionsPool(1);
  }

  /**
   * Where the build writes the names of the executable model's classes. Read directly rather than
   * through a KieClasspathContainer, which finds its module by the {@code pom.properties} beside
   * {@code kmodule.xml} and so loses its way inside a single shaded jar.
   */
  static final String MODEL_INDEX = "META-INF/kie/dev.lbtriage/lb-triage-rules/drools-model";

  /** The package of the diagnosis rules; the fleet hygiene rules ({@code dev.lbtriage.rules.fleet}) are a KieBase of their own. */
  static final String PACKAGE = "dev.lbtriage.rules.diagnosis";

  /** The rules compiled at build time (the executable model in this jar), the diagnosis package only. */
  public static RuleEngine fromClasspath() {
    return new RuleEngine(kieBaseOf(PACKAGE));
  }

  /** A KieBase of the executable models of one rule package in this jar (e.g. {@code dev.lbtriage.rules.fleet}). */
  public static KieBase kieBaseOf(String rulePackage) {
    ClassLoader loader = RuleEngine.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("the executable rule model is missing (" + MODEL_INDEX
            + " is not on the class path): rebuild the rules module with ./mvnw -pl rules install");
      }
      List<Model> models = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        String name = line.trim();
        if (!name.isEmpty() && !name.startsWith("Drools-Model-Version") && name.startsWith(rulePackage + ".")) {
          models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        }
      }
      if (models.isEmpty()) {
        throw new IllegalStateException("no executable rule model for package " + rulePackage + " in " + MODEL_INDEX);
      }
      return KieBaseBuilder.createKieBaseFromModel(models);
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the executable rule model: " + e, e);
    }
  }

  /** Opens a triage of one load balancer for one symptom. */
  public DiagnosisSession open(AzureFacts facts, Triage triage) {
    return new DiagnosisSession(sessions.newKieSession(), facts, triage);
  }

  /** One-shot: open, answer, fire, collect, close. */
  public RuleOutcome diagnose(AzureFacts facts, Triage triage, List<Answer> answers) {
    return diagnose(facts, triage, answers, List.of());
  }

  /** One-shot with live check results: open, answer, insert the checks, fire, collect, close. */
  public RuleOutcome diagnose(AzureFacts facts, Triage triage, List<Answer> answers, List<LiveCheck> checks) {
    try (DiagnosisSession s = open(facts, triage)) {
      answers.forEach(s::answer);
      checks.forEach(s::check);
      return s.run();
    }
  }

  public KieBase kieBase() {
    return kieBase;
  }
}
