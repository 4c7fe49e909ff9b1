package dev.lbtriage.bench;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.TransportProtocol;
import dev.lbtriage.rules.network.Flow;
import dev.lbtriage.rules.network.FlowEvaluator;
import dev.lbtriage.rules.network.FlowVerdict;
import dev.lbtriage.rules.network.ServiceTags;
import dev.lbtriage.rules.network.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 4: snapshot read and evaluation time for a 1,000-NIC snapshot. At setup a folder with
 * {@code nics} NICs behind one pool is written from real payloads ({@link SyntheticSnapshot});
 * then (a) reading it and gathering the load balancer's facts, from a fresh {@link SnapshotReader}
 * each time (so the files are parsed every time), and (b) the health-probe flow
 * (AzureLoadBalancer to member:probe port) evaluated with {@link FlowEvaluator} for every member.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SnapshotBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotBenchmark {

  @Param({"1000"})
  public int nics;

  private Path dir;
  private AzureFacts facts;
  private List<PoolMember> members;
  private int probePort;

  @Setup(Level.Trial)
  public void setUp() {
    try {
      dir = Files.createTempDirectory("lb-triage-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SyntheticSnapshot.write(dir, nics);
    facts = new SnapshotReader(dir).gather(SyntheticSnapshot.LB_NAME, Progress.none());
    LoadBalancer lb = facts.loadBalancer(SyntheticSnapshot.LB_NAME).orElseThrow();
    BackendPool pool = lb.pools().get(0);
    members = pool.members();
    HealthProbe probe = lb.probes().get(0);
    probePort = probe.port();
    // Check the snapshot is what the benchmark claims to measure.
    check(facts.networkInterfaces().size() == nics, "NICs gathered: " + facts.networkInterfaces().size());
    check(members.size() == nics, "pool members: " + members.size());
    check(members.stream().allMatch(m -> m.ipAddress() != null), "every member has its IP");
    check(facts.problems().isEmpty(), "problems: " + facts.problems());
    FlowVerdict first = evaluate(members.get(0));
    check(first.verdict() == Verdict.ALLOW && first.decisions().size() == 2, "first probe verdict: " + first.describe());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    SyntheticSnapshot.delete(dir);
  }

  /** (a) Parse every file of the folder and follow the load balancer's references. */
  @Benchmark
  public AzureFacts readAndGather() {
    return new SnapshotReader(dir).gather(SyntheticSnapshot.LB_NAME, Progress.none());
  }

  /** (b) The probe flow for every member, at both NSG levels. */
  @Benchmark
  public void probeFlowForAllMembers(Blackhole bh) {
    for (PoolMember m : members) {
      bh.consume(evaluate(m));
    }
  }

  private FlowVerdict evaluate(PoolMember m) {
    Flow flow = Flow.inbound(ServiceTags.AZURE_LOAD_BALANCER, m.ipAddress(), probePort, TransportProtocol.TCP);
    return FlowEvaluator.forNic(facts, m.nicId(), flow);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark snapshot is not as expected: " + what);
    }
  }
}
