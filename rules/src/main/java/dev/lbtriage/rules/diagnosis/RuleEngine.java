package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * The diagnosis rules, loaded once from the executable model compiled at build time. Thread-safe:
 * each diagnosis gets a session of its own, taken from a pool of sessions of this KieBase; closing
 * the diagnosis resets its session (Drools' {@code KieSession.reset}: no fact, no activation, no
 * listener left) and gives it back, so a diagnosis does not pay for building the session's node
 * memories again (issue 18). A conversation diagnoses the same facts again at every turn with one
 * answer more: {@link #resume} keeps its session, facts and conclusions in place, between turns, and the
 * next turn gives it only what changed.
 */
public final class RuleEngine {
  /** The knowledge base name in {@code META-INF/kmodule.xml}. */
  public static final String KIE_BASE = "diagnosis";

  /** How many sessions {@link #resume} keeps between turns (least recently used dropped first). */
  public static final int KEPT_SESSIONS = 32;

  private final KieBase kieBase;
  private final KieSessionsPool sessions;
  private final int keep;
  /** Sessions kept between turns, by the identity of their facts and their triage; a session in use is not here. */
  private final LinkedHashMap<Kept, DiagnosisSession> kept = new LinkedHashMap<>(16, 0.75f, true);

  public RuleEngine(KieBase kieBase) {
    this(kieBase, KEPT_SESSIONS);
  }

  /** @param keep how many sessions {@link #resume} keeps between turns; 0: none (each diagnosis starts afresh) */
  public RuleEngine(KieBase kieBase, int keep) {
    this.kieBase = kieBase;
    this.sessions = kieBase.newKieSessionsPool(1);
    this.keep = keep;
  }

  /** The key of a kept session: these very facts (not equal ones: a session holds the instances) and this triage. */
  private record Kept(AzureFacts facts, Triage triage) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Kept k && k.facts == facts && k.triage.equals(triage);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(facts) * 31 + triage.hashCode();
    }
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
    return new DiagnosisSession(sessions.newKieSession(), facts, List.of(triage), DiagnosisSession::dispose);
  }

  /**
   * Opens a triage of one load balancer for several symptoms at once, each with its own {@link Triage}: the
   * facts are inserted and classified once. For a fleet scan, which gives no answer: the findings are those
   * each symptom's own session would give (a cause belongs to one symptom, and a finding depends only on
   * findings of its own symptom's causes), while the questions are not (a confirmed finding of one symptom
   * explains the backend for all, {@code Unexplained}), so asks are not to be read from such a session.
   */
  public DiagnosisSession openAll(AzureFacts facts, String loadBalancerId, List<String> symptoms) {
    return new DiagnosisSession(sessions.newKieSession(), facts, symptoms.stream().map(s -> new Triage(s, loadBalancerId)).toList(),
        DiagnosisSession::dispose);
  }

  /**
   * A triage of these facts for this symptom that carries on where the last one closed: the session kept from
   * the last {@code resume} of the same facts (the same instance) and triage, with its answers and checks
   * still in, or a new one. Give it the answers and checks in force ({@link DiagnosisSession#answers},
   * {@link DiagnosisSession#checks}): only the difference reaches the engine, and what follows is what a new
   * session given them would conclude (truth maintenance retracts what followed from a withdrawn or changed
   * answer). Closing keeps it for the next turn; the least recently used beyond {@link #KEPT_SESSIONS} go back
   * to the pool.
   */
  public DiagnosisSession resume(AzureFacts facts, Triage triage) {
    if (keep <= 0) {
      return open(facts, triage);
    }
    Kept key = new Kept(facts, triage);
    DiagnosisSession s;
    synchronized (kept) {
      s = kept.remove(key);
    }
    if (s != null) {
      return s.reopen();
    }
    return new DiagnosisSession(sessions.newKieSession(), facts, List.of(triage), done -> keep(key, done));
  }

  private void keep(Kept key, DiagnosisSession done) {
    List<DiagnosisSession> dropped = new ArrayList<>();
    synchronized (kept) {
      DiagnosisSession other = kept.put(key, done);
      if (other != null) {
        dropped.add(other); // two turns of the same triage ran at once: keep the later
      }
      var it = kept.entrySet().iterator();
      while (kept.size() > keep && it.hasNext()) {
        dropped.add(it.next().getValue());
        it.remove();
      }
    }
    dropped.forEach(DiagnosisSession::dispose);
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
