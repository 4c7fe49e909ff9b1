package dev.lbtriage.bench;

import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.DataLocation;
import dev.lbtriage.engine.session.JdbcSessionStore;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One conversation turn on a loaded scenario ({@code examples/probe-zero-vm-not-responding}, facts
 * already gathered): the engine's {@code handle} for an answer that concludes (diagnosis, findings,
 * fixes, support steps), for "I don't know" (the next question), for the report (matching and the
 * first diagnosis), and an answer plus saving the state to an H2 file written through at each commit
 * (as the terminal chat does). Run from the repository root (or set {@code -Dexamples=DIR}):
 *
 * <pre>java -jar bench/target/benchmarks.jar TurnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TurnBenchmark {
  static final String REPORT = "the health probe marks my backends down";

  ConversationEngine engine;
  ConversationState fresh;
  ConversationState asking;
  JdbcSessionStore store;
  Path dbDir;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path examples = Path.of(System.getProperty("examples", "examples"));
    if (!Files.isDirectory(examples)) {
      examples = Path.of("..", "examples");
    }
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    engine = new ConversationEngine(new SymptomMatcher(kb), new Diagnoser(kb, RuleEngine.fromClasspath()),
        new SnapshotReader(examples.resolve("probe-zero-vm-not-responding")), Clock.systemUTC());
    fresh = engine.start("bench", null).next();
    asking = engine.handle(fresh, REPORT, "bench", r -> { }).next();
    if (asking.stage() != Stage.ASKING || !"vm-responds".equals(asking.asking())) {
      throw new IllegalStateException("the scenario no longer asks vm-responds first: " + asking.stage() + " " + asking.asking());
    }
    dbDir = Files.createTempDirectory("turn-bench");
    store = new JdbcSessionStore(DataLocation.h2File(dbDir.resolve("s")) + ";WRITE_DELAY=0", Clock.systemUTC());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  @Benchmark
  public Turn answerThatConcludes() {
    return engine.handle(asking, "no", "bench", r -> { });
  }

  @Benchmark
  public Turn answerDontKnowNextQuestion() {
    return engine.handle(asking, "I don't know", "bench", r -> { });
  }

  @Benchmark
  public Turn reportToFirstQuestion() {
    return engine.handle(fresh, REPORT, "bench", r -> { });
  }

  @Benchmark
  public Turn answerAndSaveDurably() {
    Turn t = engine.handle(asking, "no", "bench", r -> { });
    store.save(t.next());
    return t;
  }
}
