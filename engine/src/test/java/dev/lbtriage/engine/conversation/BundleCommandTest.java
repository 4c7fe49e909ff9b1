package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.bundle.SnapshotDocumentsReader;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code bundle} in the chat, over a bundled example with the real rules and matcher: the support-case bundle of
 * the conversation so far as a zip attachment, its SUMMARY.md naming the answers given.
 */
class BundleCommandTest {
  static final Path EXAMPLE = Path.of("..", "examples", "probe-zero-vm-not-responding");
  static final String REPORT = "Checkout API on lb-shop returns errors for roughly half of the calls since 10:02. "
      + "Health probe status in the portal metrics is 0 for 172.18.0.5 and 100 for 172.18.0.6. Both VMs show Running.";

  private static ConversationEngine engine(ArmDocuments documents) {
    return new ConversationEngine(Chat.MATCHER, Chat.DIAGNOSER, new SnapshotReader(EXAMPLE), Chat.CLOCK, LiveCheckRunner.none(), documents);
  }

  @Test
  void bundle_mid_triage_attaches_a_zip_whose_summary_names_the_answers_given_then_asks_again() throws IOException {
    ConversationEngine engine = engine(lb -> Optional.of(SnapshotDocumentsReader.fromFolder(EXAMPLE)));
    Turn t = engine.start("s-b", "test:b", REPORT, "alice", r -> {});
    String asked = t.next().asking();
    assertThat(asked).as("the triage asks a question before it concludes").isNotNull();
    t = engine.handle(t.next(), "no", "bob", r -> {});
    List<RecordedAnswer> given = t.next().answers();
    assertThat(given).isNotEmpty();
    String askingBefore = t.next().asking();

    Turn b = engine.handle(t.next(), "bundle", "bob", r -> {});

    List<Reply.Attachment> files = b.replies().stream().filter(Reply.Attachment.class::isInstance).map(Reply.Attachment.class::cast).toList();
    assertThat(files).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("lb-triage-bundle-lb-shop.zip");
      assertThat(a.mediaType()).isEqualTo("application/zip");
      assertThat(a.caption()).contains("lb-shop").doesNotContain("{", "<");
    });
    Map<String, String> zip = unzip(files.get(0).bytes());
    String summary = zip.get("lb-triage-bundle-lb-shop/SUMMARY.md");
    assertThat(summary).isNotNull();
    for (RecordedAnswer a : given) {
      assertThat(summary).contains("`" + a.question() + "`", a.by());
    }
    assertThat(summary).contains("bob", "Checkout API on lb-shop");
    assertThat(zip.keySet()).contains("lb-triage-bundle-lb-shop/snapshot/lb.json", "lb-triage-bundle-lb-shop/facts.json");
    assertThat(b.next().answers()).isEqualTo(given);
    assertThat(b.next().asking()).isEqualTo(askingBefore);
    assertThat(b.replies().get(b.replies().size() - 1)).isInstanceOfAny(Reply.Prompt.class, Reply.Say.class);
  }

  @Test
  void bundle_redact_masks_the_user_names_in_the_summary() throws IOException {
    ConversationEngine engine = engine(lb -> Optional.of(SnapshotDocumentsReader.fromFolder(EXAMPLE)));
    Turn t = engine.start("s-r", "test:r", REPORT, "alice", r -> {});
    t = engine.handle(t.next(), "no", "bob.builder", r -> {});

    Turn b = engine.handle(t.next(), "bundle redact", "bob.builder", r -> {});

    Reply.Attachment a = b.replies().stream().filter(Reply.Attachment.class::isInstance).map(Reply.Attachment.class::cast).findFirst().orElseThrow();
    assertThat(a.name()).isEqualTo("lb-triage-bundle-lb-shop-redacted.zip");
    Map<String, String> zip = unzip(a.bytes());
    assertThat(zip).containsKey("lb-triage-bundle-lb-shop-redacted/MASKED.md");
    assertThat(zip.values()).noneMatch(text -> text.contains("bob.builder"));
  }

  @Test
  void without_the_documents_it_names_the_cli_command_and_attaches_nothing() {
    ConversationEngine engine = engine(ArmDocuments.none());
    Turn t = engine.start("s-n", "test:n", REPORT, "alice", r -> {});

    Turn b = engine.handle(t.next(), "support bundle", "alice", r -> {});

    assertThat(b.replies()).noneMatch(Reply.Attachment.class::isInstance);
    String text = b.replies().stream().filter(Reply.Say.class::isInstance).map(r -> ((Reply.Say) r).message().toString()).reduce("", String::concat);
    assertThat(text).contains("lb-triage bundle --azure --lb \"" + t.next().loadBalancer() + "\" --session s-n --out lb-triage-bundle-lb-shop.zip");
  }

  @Test
  void before_a_load_balancer_is_known_there_is_nothing_to_bundle() {
    ConversationEngine engine = engine(lb -> Optional.of(SnapshotDocumentsReader.fromFolder(EXAMPLE)));
    Turn t = engine.start("s-e", "test:e");

    Turn b = engine.handle(t.next(), "bundle", "alice", r -> {});

    assertThat(b.replies()).noneMatch(Reply.Attachment.class::isInstance);
    assertThat(b.replies().get(0).toString()).contains("nothing to bundle yet");
    assertThat(b.next().stage()).isEqualTo(Stage.AWAITING_REPORT);
  }

  static Map<String, String> unzip(byte[] bytes) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (!e.isDirectory()) {
          out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
