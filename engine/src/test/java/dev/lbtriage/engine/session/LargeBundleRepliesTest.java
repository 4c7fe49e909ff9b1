package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.bundle.LargeSnapshot;
import dev.lbtriage.engine.bundle.SnapshotDocumentsReader;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.LiveCheckRunner;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat bundle of a large session (a pool of 480 real-shaped backends) is a zip of well over a
 * megabyte; the turn that made it is saved with its replies, and a replica that takes the turn over
 * after the one that made it died reads those replies back byte for byte. The store's 1 MiB bound on
 * a saved state (user input) stays as it was.
 */
class LargeBundleRepliesTest {
  static final int BACKENDS = 480;
  static final String REPORT = "Since this morning's network change every backend behind lb-web shows as unhealthy and the site is "
      + "down. Nothing changed on the VMs themselves. Health probe tcpProbe1 on port 25 is red for all of them.";
  static final Duration LEASE = Duration.ofMinutes(2);

  @TempDir static Path dir;
  static Turn bundled;

  @BeforeAll
  static void aLargeSessionIsBundledInTheChat() {
    Path snapshot = LargeSnapshot.write(dir.resolve("large"), BACKENDS);
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    ConversationEngine engine = new ConversationEngine(new SymptomMatcher(kb), new Diagnoser(kb, RuleEngine.fromClasspath()),
        new SnapshotReader(snapshot), new MovableClock(States.T0), LiveCheckRunner.none(),
        lb -> Optional.of(SnapshotDocumentsReader.fromFolder(snapshot)));
    Turn t = engine.start("s-large", "slack:C9:9.9", REPORT, "alice", r -> {});
    for (int i = 0; i < 10 && t.next().stage() != Stage.CONCLUDED; i++) {
      t = engine.handle(t.next(), ConversationEngine.CONFIRM.equals(t.next().asking()) ? "yes" : "I don't know", "alice", r -> {});
    }
    bundled = engine.handle(t.next(), "bundle", "alice", r -> {});
  }

  static Reply.Attachment attachment(List<Reply> replies) {
    return replies.stream().filter(Reply.Attachment.class::isInstance).map(Reply.Attachment.class::cast).findFirst().orElseThrow();
  }

  @Test
  void the_bundle_of_the_large_session_is_over_the_old_bound_and_holds_every_backend() throws Exception {
    Reply.Attachment zip = attachment(bundled.replies());
    assertThat(zip.bytes().length).as("as base64 it is over the 1 MiB the stored replies were read with")
        .isGreaterThan(StateJson.MAX_CHARS * 3 / 4);
    int nics = 0;
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip.bytes()))) {
      for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        nics += e.getName().matches(".*/snapshot/nic-web-\\d+\\.json") ? 1 : 0;
      }
    }
    assertThat(nics).isEqualTo(BACKENDS);
  }

  @Test
  void a_replica_that_takes_the_turn_over_reads_the_large_bundle_back_byte_for_byte() {
    MovableClock clock = new MovableClock(States.T0);
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (JdbcSessionStore a = new JdbcSessionStore(url, clock); JdbcSessionStore b = new JdbcSessionStore(url, clock)) {
      // a answered "bundle" (state and replies saved) and died before sending them
      TurnClaim claim = a.claim("Ev-bundle", "slack:C9:9.9", "bundle", "U1", "replica-a", LEASE);
      a.saveTurn(bundled.next(), 0, claim, bundled.replies());
      clock.advance(LEASE.plusSeconds(1));

      List<TurnClaim> left = b.stalled("slack:C9:9.9", "replica-b", LEASE);

      assertThat(left).singleElement().satisfies(c -> {
        assertThat(c.outcome()).isEqualTo(TurnClaim.Outcome.DELIVER);
        assertThat(c.undelivered()).isEqualTo(bundled.replies().stream().filter(r -> !(r instanceof Reply.ProgressUpdate)).toList());
        assertThat(attachment(c.undelivered()).bytes()).isEqualTo(attachment(bundled.replies()).bytes());
      });
      b.delivered(left.get(0));
      assertThat(b.forTurn("slack:C9:9.9").orElseThrow().state()).isEqualTo(bundled.next());
    }
  }

  @Test
  void a_saved_state_keeps_its_bound_and_the_replies_bound_is_sized_for_the_largest_attachment() {
    String huge = "x".repeat(StateJson.MAX_CHARS + 1);
    assertThatThrownBy(() -> StateJson.read("{\"id\":\"" + huge + "\"}")).isInstanceOf(IllegalArgumentException.class);
    assertThat((long) RepliesJson.MAX_CHARS).isGreaterThanOrEqualTo(
        java.util.Base64.getEncoder().encode(new byte[3]).length * ((Reply.Attachment.MAX_BYTES + 2L) / 3) + StateJson.MAX_CHARS);
    assertThatThrownBy(() -> new Reply.Attachment("big.zip", "application/zip", new byte[Reply.Attachment.MAX_BYTES + 1], "too big"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
