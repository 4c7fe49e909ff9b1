package dev.lbtriage.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.RecordedCheck;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --redact}: a bundle of a conversation (report, answers by a named user, a live check, remediation tried) over
 * each example, with a tenant id added to a VM, holds none of the masked values in any byte of any
 * file, folder or zip; and still replays to the same statuses.
 */
class RedactedBundleTest {
  static final String USER = "alice.ops@contoso.example";
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String QUOTE = "the admin says port eighty answers on the box itself";
  static final String TRIED = "I already asked Fabrikam's network team to reopen the probe port, still failing";

  static Stream<Scenario> examples() {
    return ScenarioReader.readAll(Path.of("..", "examples")).stream();
  }

  /** The example as a saved conversation: the report, its answers given by {@link #USER}, one live check, a tenant id in a VM. */
  static BundleRequest conversation(Scenario s, boolean redact) {
    AzureFacts facts = new SnapshotReader(s.folder()).gather(s.loadBalancer(), Progress.none());
    Instant at = Instant.parse("2026-12-03T10:15:00Z");
    List<RecordedAnswer> answers = new ArrayList<>();
    s.answers().forEach((q, v) -> answers.add(new RecordedAnswer(q, v, USER, at, RecordedAnswer.HEDGED, QUOTE)));
    Diagnosis d = BundleExamplesTest.DIAGNOSER.diagnose(facts, s.loadBalancer(), s.symptom(), 0.71, BundleExamplesTest.answers(s));
    List<RecordedCheck> checks = List.of(new RecordedCheck("vm-responds", "10.0.0.4", 80, "tcp", 3, 0, "no answer in 2 s", USER, at));
    Map<String, String> snapshot = new LinkedHashMap<>(SnapshotDocumentsReader.fromFolder(s.folder()));
    snapshot.replaceAll((name, text) -> name.startsWith("vm") && text.contains("\"properties\"")
        ? text.replaceFirst("\"properties\"", "\"identity\": {\"type\": \"SystemAssigned\", \"tenantId\": \"" + TENANT
            + "\", \"principalId\": \"11111111-2222-3333-4444-555555555555\"},\n  \"properties\"")
        : text);
    return new BundleRequest(d, facts, s.report(), answers, checks, "3f1c2a9e-session", "snapshot folder " + s.name(), snapshot,
        Instant.parse("2026-12-03T14:00:00Z"), redact, List.of(new dev.lbtriage.engine.conversation.RemediationTried(TRIED, USER, at,
            dev.lbtriage.engine.conversation.RemediationTried.STATEMENT, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void a_redacted_bundle_holds_no_masked_value_in_any_byte(Scenario s, @TempDir Path dir) throws Exception {
    // given
    BundleRequest r = conversation(s, true);
    // when
    Bundle b = BundleBuilder.build(r);
    BundleFolderWriter.write(b, dir.resolve("case"));
    BundleZipWriter.write(b, dir.resolve("case.zip"));
    // then: what had to be masked was planned...
    Redaction plan = Redaction.plan(BundleBuilder.build(r.withRedact(false)).files().values().stream()
        .map(x -> new String(x, java.nio.charset.StandardCharsets.UTF_8)).toList(), List.of(USER), List.of(s.report(), QUOTE, TRIED));
    String subscription = dev.lbtriage.rules.facts.ArmId.subscription(r.diagnosis().loadBalancer());
    assertThat(plan.values().keySet()).contains(USER, s.report().strip(), QUOTE, TRIED, subscription.toLowerCase());
    assertThat(BundleBuilder.build(r.withRedact(false)).text(Bundle.SUMMARY)).as("the plain bundle lists what was tried").contains(TRIED);
    if (r.snapshot().values().stream().anyMatch(t -> t.contains(TENANT))) {
      assertThat(plan.values().keySet()).contains(TENANT);
    }
    // ...and none of it is anywhere, in any file of the folder or the zip
    List<String> values = new ArrayList<>(plan.values().keySet());
    assertThat(values).isNotEmpty();
    assertThat(BundleChecks.occurrences(dir, values)).isEmpty();
    assertThat(b.masked()).isNotEmpty().allSatisfy(m -> assertThat(m.occurrences()).isPositive());
    assertThat(b.text(Bundle.MASKED)).contains("subscription id").contains("user name").contains("free text");
    assertThat(BundleChecks.unresolvedLinks(dir.resolve("case"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_redacted_snapshot_still_replays_to_the_same_statuses(Scenario s, @TempDir Path dir) {
    // given
    BundleRequest r = conversation(s, true);
    Bundle b = BundleBuilder.build(r);
    BundleFolderWriter.write(b, dir);
    // when: the load balancer's masked id is the one in the masked snapshot
    SnapshotReader replay = new SnapshotReader(dir.resolve("snapshot"));
    String lbId = replay.loadBalancers().stream().filter(l -> l.name().equals(s.loadBalancer())).findFirst().orElseThrow().id();
    List<dev.lbtriage.rules.diagnosis.Answer> answers = BundleExamplesTest.answers(s).stream()
        .map(a -> new dev.lbtriage.rules.diagnosis.Answer(a.question(), b.text(Bundle.SUMMARY).contains(a.value()) ? a.value()
            : masked(b, a.value()))).toList();
    Diagnosis again = BundleExamplesTest.DIAGNOSER.diagnose(replay.gather(lbId, Progress.none()), lbId, s.symptom(), null, answers);
    // then
    assertThat(lbId).doesNotContain(dev.lbtriage.rules.facts.ArmId.subscription(r.diagnosis().loadBalancer()));
    assertThat(again.findings().stream().map(f -> f.cause() + "=" + f.status()).toList()).isEqualTo(b.findings());
  }

  /** The mask of a public address answer, read back from the bundle's own replay command. */
  private static String masked(Bundle b, String value) {
    String replay = b.text(Bundle.SUMMARY).lines().filter(l -> l.startsWith("lb-triage diagnose --snapshot snapshot")).findFirst().orElseThrow();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("client-ip=([0-9.]+)").matcher(replay);
    return m.find() ? m.group(1) : value;
  }
}
