package dev.lbtriage.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recognisable fake secrets in every place a credential can reach a bundle: the report, the
 * remediation tried and the answers (a storage connection string, a bearer token, a SAS URL, a Slack token, a JWT, a password
 * in a URL), and the ARM JSON (VM admin password, custom data, extension protected settings, a
 * connection string in a tag, a SAS signature in a boot diagnostics URI, a private key). None of
 * them is written, redacted or not, and the snapshot still replays.
 */
class SecretsNeverWrittenTest {
  static final String ACCOUNT_KEY = "FAKEaccountKEY" + "A".repeat(72) + "==";
  static final String BEARER = "FAKEBEARERtoken0123456789abcdef";
  static final String SAS_SIG = "FAKEsasSIGNATURE%2Bxyz0123456789";
  static final String SLACK = "xoxb-1111-2222-FAKESLACKTOKEN";
  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJGQUtFIjoiand0In0.FAKEJWTSIGNATUREabc";
  static final String URL_PASSWORD = "FAKEurlPASSWORD99";
  static final String ADMIN_PASSWORD = "FAKEadminPASSWORD!42";
  static final String CUSTOM_DATA = "RkFLRUNVU1RPTURBVEFzZWNyZXQ=";
  static final String PROTECTED_KEY = "FAKEprotectedSETTINGkey77";
  static final String TAG_PASSWORD = "FAKEtagDBpassword55";
  static final String BOOT_SIG = "FAKEbootDIAGsig321";
  static final String PRIVATE_KEY = "FAKEprivateKEYbodyMIIEvQIBADANBg";
  static final String TRIED_KEY = "FAKEtriedROTATEDkey0123456789";
  static final List<String> SECRETS = List.of(ACCOUNT_KEY, BEARER, SAS_SIG, SLACK, JWT, URL_PASSWORD, ADMIN_PASSWORD, CUSTOM_DATA,
      PROTECTED_KEY, TAG_PASSWORD, BOOT_SIG, PRIVATE_KEY, TRIED_KEY);

  @ParameterizedTest(name = "redact={0}")
  @ValueSource(booleans = {false, true})
  void no_fake_secret_appears_in_any_byte_and_the_snapshot_still_replays(boolean redact, @TempDir Path dir) throws Exception {
    // given: the NIC-NSG example, with secrets everywhere
    Scenario s = ScenarioReader.readAll(Path.of("..", "examples")).stream().filter(x -> x.name().equals("nsg-deny-all-nic"))
        .findFirst().orElseThrow();
    AzureFacts facts = new SnapshotReader(s.folder()).gather(s.loadBalancer(), Progress.none());
    String report = s.report() + " Our app uses DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + ACCOUNT_KEY
        + ";EndpointSuffix=core.windows.net and curl -H 'Authorization: Bearer " + BEARER + "' fails; slack " + SLACK
        + " token " + JWT + " db at https://admin:" + URL_PASSWORD + "@db.example.net/x";
    RecordedAnswer answer = new RecordedAnswer("probe-port-listening", "yes", "bob", Instant.parse("2026-12-03T10:00:00Z"),
        RecordedAnswer.HEDGED, "logs at https://shop.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&sig=" + SAS_SIG + " show it listening");
    Map<String, String> snapshot = new LinkedHashMap<>(SnapshotDocumentsReader.fromFolder(s.folder()));
    snapshot.computeIfPresent("vm-web-1.json", (k, v) -> v
        .replaceFirst("\"adminUsername\"", "\"adminPassword\": \"" + ADMIN_PASSWORD + "\", \"customData\": \"" + CUSTOM_DATA
            + "\", \"adminUsername\"")
        .replaceFirst("\"tags\"\\s*:\\s*\\{\\s*}", "\"tags\": {\"db\": \"Server=tcp:db;User ID=app;Password=" + TAG_PASSWORD
            + ";\", \"key\": \"-----BEGIN PRIVATE KEY-----\\\\n" + PRIVATE_KEY + "\\\\n-----END PRIVATE KEY-----\"}")
        .replaceFirst("\"properties\"\\s*:\\s*\\{", "\"resources\": [{\"name\": \"ext\", \"properties\": {\"protectedSettings\": "
            + "{\"storageAccountKey\": \"" + PROTECTED_KEY + "\"}}}], \"properties\": {\"diagnosticsProfile\": {\"bootDiagnostics\": "
            + "{\"enabled\": true, \"storageUri\": \"https://diag.blob.core.windows.net/?sv=2022&sig=" + BOOT_SIG + "\"}},"));
    com.fasterxml.jackson.databind.JsonNode vm = FactsJson.JSON.readTree(snapshot.get("vm-web-1.json"));
    assertThat(vm.path("tags").path("db").asText()).contains(TAG_PASSWORD);
    assertThat(String.join("\n", snapshot.values())).contains(ADMIN_PASSWORD, CUSTOM_DATA, PROTECTED_KEY, TAG_PASSWORD, BOOT_SIG, PRIVATE_KEY);
    Diagnosis d = BundleExamplesTest.DIAGNOSER.diagnose(facts, s.loadBalancer(), s.symptom(), null, BundleExamplesTest.answers(s));
    BundleRequest r = new BundleRequest(d, facts, report, List.of(answer), List.of(), "s-1", "snapshot folder x", snapshot,
        Instant.parse("2026-12-03T14:00:00Z"), redact, List.of(new dev.lbtriage.engine.conversation.RemediationTried(
            "rotated the storage key, the app now uses AccountKey=" + TRIED_KEY + "; still failing", "bob",
            Instant.parse("2026-12-03T10:05:00Z"), dev.lbtriage.engine.conversation.RemediationTried.COMMAND, true)));
    // when
    Bundle b = BundleBuilder.build(r);
    BundleFolderWriter.write(b, dir.resolve("case"));
    BundleZipWriter.write(b, dir.resolve("case.zip"));
    // then
    assertThat(BundleChecks.occurrences(dir, SECRETS)).isEmpty();
    assertThat(b.text("snapshot/vm-web-1.json")).contains(Secrets.REMOVED);
    Diagnosis again = BundleExamplesTest.DIAGNOSER.diagnose(
        new SnapshotReader(dir.resolve("case/snapshot")).gather(s.loadBalancer(), Progress.none()), s.loadBalancer(), s.symptom(), null,
        BundleExamplesTest.answers(s));
    assertThat(again.findings().stream().map(f -> f.cause() + "=" + f.status()).toList()).isEqualTo(b.findings());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"password=hunter2secret", "AccountKey=abcDEF123456;", "sig=abcdef123456", "Bearer abcdefgh12345678",
      "client_secret=s3cr3tvalue1", "SharedAccessKey=abcdefgh1234="})
  void each_kind_of_secret_is_removed_from_text(String text) {
    String value = text.substring(text.indexOf(text.contains("=") ? '=' : ' ') + 1).replace(";", "");
    assertThat(Secrets.scrub("before " + text + " after")).doesNotContain(value).contains(Secrets.REMOVED).startsWith("before ");
  }
}
