package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one live gather read: the raw ARM documents under the snapshot file names {@link Capture}
 * writes, and the reads that failed. {@link #facts()} runs the snapshot reader's parsers over these
 * very documents, so a live read and its capture give the same facts.
 */
public final class LiveRead {

  private final String loadBalancerId;
  private final Map<String, JsonNode> files;
  private final List<MissingFact> failures;
  private final ProbeFlowCheck.Report probeFlows;

  LiveRead(String loadBalancerId, Documents docs) {
    this(loadBalancerId, SnapshotNames.assign(docs.sorted()), docs.failures(), ProbeFlowCheck.Report.EMPTY);
  }

  private LiveRead(String loadBalancerId, Map<String, JsonNode> files, List<MissingFact> failures,
      ProbeFlowCheck.Report probeFlows) {
    this.loadBalancerId = loadBalancerId;
    this.files = files;
    this.failures = failures;
    this.probeFlows = probeFlows;
  }

  /** This read with the outcome of Network Watcher's probe flow verification added. */
  LiveRead withProbeFlows(ProbeFlowCheck.Report report) {
    Map<String, JsonNode> withAnswers = files;
    if (!report.answers().isEmpty()) {
      withAnswers = new java.util.TreeMap<>(files);
      withAnswers.put(ProbeFlowCheck.SNAPSHOT_FILE, report.answers());
    }
    return new LiveRead(loadBalancerId, withAnswers, failures, report);
  }

  /**
   * Where Network Watcher's IP flow verify disagreed with the offline NSG evaluation on a probe
   * flow: notes of file {@code azure:ipFlowVerify}, also in {@link #facts()}{@code .problems()}.
   * Azure's answers themselves are a document of {@link #files()} ({@code network-watcher.ip-flow-verify.json})
   * and so {@code FlowVerification} facts, live and in a replayed capture; the rules recompute the
   * disagreement from them, so the notes are not needed on replay.
   */
  public List<SnapshotProblem> probeFlowNotes() {
    return probeFlows.notes();
  }

  /** IP flow verify calls that failed, as missing facts of kind {@code ip-flow-verify}; also in {@link #facts()}. */
  public List<MissingFact> probeFlowFailures() {
    return probeFlows.missing();
  }

  /** The load balancer's ARM id as Azure spells it. */
  public String loadBalancerId() {
    return loadBalancerId;
  }

  /** Relative snapshot file name ({@code lb-web.json}, {@code nic-a.effective-nsg.json}...) to document, sorted. */
  public Map<String, JsonNode> files() {
    return files;
  }

  /** Reads that failed after retries, as missing facts with their reasons. */
  public List<MissingFact> failures() {
    return failures;
  }

  /**
   * The facts, exactly as {@link SnapshotReader} gives them for a capture of this read (origins
   * name the capture's file names); missing facts of failed reads carry the failure's reason. The
   * probe flow verification's notes and failures are added (they are not in a capture).
   */
  public AzureFacts facts() {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("lb-triage-live-");
      Capture.writeDocuments(this, tmp);
      AzureFacts facts = new SnapshotReader(tmp).gather(loadBalancerId, Progress.none());
      return facts.withMissingAndProblems(missing(facts.missing()), concat(facts.problems(), probeFlows.notes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the documents read for parsing", e);
    } finally {
      delete(tmp);
    }
  }

  /** Missing references get the reason of the read that failed; failures nothing referenced are added. */
  private List<MissingFact> missing(List<MissingFact> resolved) {
    List<MissingFact> out = new ArrayList<>();
    List<MissingFact> unused = new ArrayList<>(failures);
    for (MissingFact m : resolved) {
      MissingFact cause = failures.stream().filter(f -> covers(f.reference(), m.reference())).findFirst().orElse(null);
      if (cause == null) {
        out.add(new MissingFact(m.kind(), m.reference(), m.referencedBy(), "not read from Azure"));
      } else {
        out.add(new MissingFact(m.kind(), m.reference(), m.referencedBy(), cause.reason()));
        unused.remove(cause);
      }
    }
    out.addAll(unused);
    out.addAll(probeFlows.missing());
    return out;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The failed read is the reference itself or its parent (a VNet for its subnet). */
  private static boolean covers(String failed, String reference) {
    String f = ArmId.normalize(failed);
    String r = ArmId.normalize(reference);
    return f != null && r != null && (r.equals(f) || r.startsWith(f + "/"));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
