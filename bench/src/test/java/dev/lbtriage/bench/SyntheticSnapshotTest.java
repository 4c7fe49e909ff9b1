package dev.lbtriage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.PoolMember;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSnapshotTest {

  @Test
  void the_generated_snapshot_has_every_nic_in_the_pool_with_its_own_ip_and_no_problems(@TempDir Path dir) {
    SyntheticSnapshot.write(dir, 300);

    AzureFacts facts = new SnapshotReader(dir).gather(SyntheticSnapshot.LB_NAME, Progress.none());

    assertThat(facts.problems()).isEmpty();
    assertThat(facts.missing()).hasSize(300).allSatisfy(m -> assertThat(m.kind()).isEqualTo("virtual-machine"));
    assertThat(facts.networkInterfaces()).hasSize(300);
    assertThat(facts.loadBalancers().get(0).pools().get(0).members())
        .hasSize(300)
        .extracting(PoolMember::ipAddress)
        .doesNotHaveDuplicates()
        .contains("10.0.8.5", "10.0.9.0", SyntheticSnapshot.ip(299));
    assertThat(SyntheticSnapshot.ip(999)).isEqualTo("10.0.11.236");
  }

  @Test
  void the_benchmark_setup_accepts_its_own_snapshot() {
    SnapshotBenchmark b = new SnapshotBenchmark();
    b.nics = 20;
    b.setUp();
    try {
      assertThat(b.readAndGather().networkInterfaces()).hasSize(20);
    } finally {
      b.tearDown();
    }
  }
}
