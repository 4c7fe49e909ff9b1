package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.MissingFact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture is a snapshot folder the snapshot reader replays to the live facts. */
class CaptureTest {

  @TempDir
  Path tmp;
  private StubArm stub;
  private final TestCredential credential = new TestCredential();

  @BeforeEach
  void start() throws Exception {
    stub = new StubArm(Stubs.natrules());
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void theCapturedFolderReplaysToTheLiveFacts() throws Exception {
    LiveRead read = Stubs.source(stub, credential).read(Stubs.LB, Progress.none());
    Path folder = tmp.resolve("capture");

    List<Path> written = Capture.write(read, folder);

    assertThat(new SnapshotReader(folder).gather(Stubs.LB, Progress.none())).isEqualTo(read.facts());
    assertThat(written).hasSize(16).last().isEqualTo(folder.resolve("CAPTURE.md"));
    assertThat(jsonNames(folder)).isEqualTo(jsonNames(Stubs.natrules()));
    assertThat(Files.readString(folder.resolve("CAPTURE.md"))).contains(Stubs.LB, "Every read succeeded");
  }

  @Test
  void whatCouldNotBeReadIsListedAndStaysMissingOnReplay() throws Exception {
    stub.failAlways(Stubs.NSG, StubFault.status(403, "AuthorizationFailed"));
    LiveRead read = Stubs.source(stub, credential).read(Stubs.LB, Progress.none());
    Path folder = tmp.resolve("capture");

    Capture.write(read, folder);
    AzureFacts replay = new SnapshotReader(folder).gather(Stubs.LB, Progress.none());
    AzureFacts live = read.facts();

    assertThat(Files.readString(folder.resolve("CAPTURE.md")))
        .contains("network-security-group `" + Stubs.NSG + "`: no permission to read network-security-group nsg164701");
    assertThat(replay.missing()).extracting(MissingFact::kind, MissingFact::reference)
        .isEqualTo(live.missing().stream().map(m -> org.assertj.core.groups.Tuple.tuple(m.kind(), m.reference())).toList());
    assertThat(replay.missing()).extracting(MissingFact::reason).containsOnly("not in the snapshot");
    assertThat(replay.networkInterfaces()).isEqualTo(live.networkInterfaces());
  }

  @Test
  void neverWritesIntoAFolderThatHoldsFiles() throws Exception {
    LiveRead read = Stubs.source(stub, credential).read(Stubs.LB, Progress.none());
    Files.writeString(tmp.resolve("keep.txt"), "mine");

    assertThatThrownBy(() -> Capture.write(read, tmp)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty");
    assertThat(Files.readString(tmp.resolve("keep.txt"))).isEqualTo("mine");
  }

  private static List<String> jsonNames(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }
}
