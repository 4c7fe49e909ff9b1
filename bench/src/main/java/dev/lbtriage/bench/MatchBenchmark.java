package dev.lbtriage.bench;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.MatchResult;
import dev.lbtriage.kb.match.SymptomMatch;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Symptom matching: latency of one typical report, of a one-paragraph story (the length of a real
 * report), of a 10 kB pasted story, and the time to build the matcher (its in-memory indexes of the
 * KB and of the labelled examples). The {@code assess*} methods run in sample-time mode, so JMH
 * prints percentiles (p0.99 is the warm p99 of issue 14).
 *
 * <pre>java -jar bench/target/benchmarks.jar MatchBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MatchBenchmark {

  static final String TYPICAL = "the backend VMs show unhealthy in the health probe status since the deploy";

  private static final String STORY_PARAGRAPH =
      "Hi team, since about 02:00 UTC our prod load balancer (lb-prod-weu) stopped sending traffic to"
          + " two of the three web VMs. The portal shows Health probe status at 0% for those, while the"
          + " third is fine. We deployed a new nginx config yesterday and also changed the NSG on the"
          + " subnet to tighten inbound rules; I am not sure whether 168.63.129.16 is still allowed. From"
          + " another VM in the VNet, psping 10.0.0.4:80 times out. Netstat on the VM shows nginx"
          + " listening on 0.0.0.0:8080. Any idea what to check next? Thanks! ";

  KnowledgeBase kb;
  SymptomMatcher matcher;
  String story;

  @Setup
  public void setUp() {
    kb = KnowledgeBaseLoader.loadBundled();
    matcher = new SymptomMatcher(kb);
    StringBuilder b = new StringBuilder();
    while (b.length() < 10_240) {
      b.append(STORY_PARAGRAPH);
    }
    story = b.substring(0, 10_240);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public MatchResult assessTypicalSentence() {
    return matcher.assess(TYPICAL);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public MatchResult assessParagraph() {
    return matcher.assess(STORY_PARAGRAPH);
  }

  @Benchmark
  public List<SymptomMatch> matchTypicalSentence() {
    return matcher.match(TYPICAL);
  }

  @Benchmark
  public List<SymptomMatch> matchTenKilobytes() {
    return matcher.match(story);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SymptomMatcher buildIndex() {
    return new SymptomMatcher(kb);
  }
}
