package dev.lbtriage.bench;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.DiagnosisSession;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.RuleOutcome;
import dev.lbtriage.rules.diagnosis.Triage;
import dev.lbtriage.rules.facts.AzureFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the rule engine costs: building the KieBase from the executable model compiled at build time
 * against compiling the same DRL at run time, and one diagnosis (new session, all facts of a
 * scenario, fire, collect) against a hand-written plain-Java evaluation of the same checks.
 *
 * <p>The scenario is a snapshot folder, {@code -Dlbtriage.scenario=DIR} (default: the example with
 * an NSG Deny-All on the NIC), run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEngineBenchmark {
  static final List<String> DRL = List.of("classify-unexplained.drl", "probe-down.drl",
      "data-port-down.drl", "vmss-backend-port-locked.drl", "residual-traffic.drl");

  @Param({"probe-down"})
  public String symptom;

  private RuleEngine engine;
  private AzureFacts facts;
  private Triage triage;

  @Setup(Level.Trial)
  public void setUp() {
    Path scenario = Path.of(System.getProperty("lbtriage.scenario", "examples/nsg-deny-all-nic"));
    SnapshotReader reader = new SnapshotReader(scenario);
    String lb = reader.loadBalancers().get(0).id();
    facts = reader.gather(lb, Progress.none());
    engine = RuleEngine.fromClasspath();
    triage = new Triage(symptom, lb);
  }

  /** The KieBase from the executable model compiled at build time (what lb-triage uses). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public KieBase kieBaseFromExecutableModel() {
    return RuleEngine.fromClasspath().kieBase();
  }

  /** The same rules compiled from DRL text at run time. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public KieBase kieBaseCompiledFromDrl() throws IOException {
    return compile(DrlProject.class);
  }

  /** The same rules turned into an executable model at run time (what the build does once). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public KieBase kieBaseExecutableModelBuiltAtRunTime() throws IOException {
    return compile(ExecutableModelProject.class);
  }

  /** One diagnosis in the rule engine: new session, insert all facts, fire, collect. */
  @Benchmark
  public RuleOutcome diagnosisWithRules() {
    return engine.diagnose(facts, triage, List.of());
  }

  /**
   * One diagnosis on facts never diagnosed before (a copy of the facts with empty caches): what the
   * first turn on freshly gathered facts costs, the derived flows included (issue 18).
   */
  @Benchmark
  public RuleOutcome diagnosisWithRulesNewFacts() {
    return engine.diagnose(facts.withMissingAndProblems(facts.missing(), facts.problems()), triage, List.of());
  }

  /** The floor on facts never diagnosed before. */
  @Benchmark
  public PlainJavaDiagnosis.Result diagnosisInPlainJavaNewFacts() {
    return PlainJavaDiagnosis.probeDown(facts.withMissingAndProblems(facts.missing(), facts.problems()), triage.loadBalancerId());
  }

  /** The floor: the same checks for this symptom written by hand in plain Java. */
  @Benchmark
  public PlainJavaDiagnosis.Result diagnosisInPlainJava() {
    return PlainJavaDiagnosis.probeDown(facts, triage.loadBalancerId());
  }

  /** The answers of two turns of a conversation: the second adds one answer to the first (issue 18). */
  static final List<List<Answer>> TURNS = List.of(
      List.of(new Answer("vm-responds", "yes")),
      List.of(new Answer("vm-responds", "yes"), new Answer("probe-port-listening", "yes")));

  private int turn;

  /**
   * A turn of a conversation as the product runs it ({@code Diagnoser} through {@link RuleEngine#resume}): the session
   * kept from the last turn on the same facts gets only the answer that changed, fires, and its conclusions are
   * collected. Turns alternate between one answer and two, so every call changes one answer.
   */
  @Benchmark
  public RuleOutcome turnWithRules() {
    List<Answer> answers = TURNS.get(turn ^= 1);
    try (DiagnosisSession s = engine.resume(facts, triage)) {
      return s.answers(answers).run();
    }
  }

  /** The floor of a turn: the same checks by hand, with the same answers. */
  @Benchmark
  public PlainJavaDiagnosis.Result turnInPlainJava() {
    return PlainJavaDiagnosis.probeDown(facts, triage.loadBalancerId(), TURNS.get(turn ^= 1));
  }

  static KieBase compile(Class<? extends org.kie.api.builder.KieBuilder.ProjectType> type) throws IOException {
    KieServices ks = KieServices.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    for (String name : DRL) {
      String path = "dev/lbtriage/rules/diagnosis/" + name;
      try (InputStream in = RuleEngine.class.getClassLoader().getResourceAsStream(path)) {
        kfs.write("src/main/resources/" + path, in.readAllBytes());
      }
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll(type);
    if (builder.getResults().hasMessages(Message.Level.ERROR)) {
      throw new IllegalStateException(builder.getResults().toString());
    }
    return ks.newKieContainer(ks.getRepository().getDefaultReleaseId()).getKieBase();
  }
}
