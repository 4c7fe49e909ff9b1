package dev.lbtriage.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * For each bundled example: the bundle is produced, its Markdown parses and every link resolves
 * inside it, each SVG is well-formed and the path marks the hop the example is about, no
 * placeholder is left, and its snapshot replays to the same findings.
 */
class BundleExamplesTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RuleEngine.fromClasspath());
  static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");

  /**
   * The hops each example's path must mark failing on the lane its symptom is about (the probe's for
   * probe-down, the clients' otherwise), from the story in its NOTES.md; empty: none may fail there.
   */
  static final Map<String, Set<String>> FAILING = Map.ofEntries(
      Map.entry("healthy", Set.of()),
      Map.entry("http-probe-path-404", Set.of("probe:vm")),
      Map.entry("ilb-hairpin", Set.of("data:client")),
      Map.entry("nsg-asg-rule-blocks-probe", Set.of("probe:subnet-nsg")),
      Map.entry("nsg-deny-all-nic", Set.of("probe:nic-nsg")),
      Map.entry("nsg-deny-all-subnet", Set.of("probe:subnet-nsg")),
      Map.entry("probe-zero-vm-not-responding", Set.of("probe:vm")),
      Map.entry("public-standard-nsg-blocks-clients", Set.of("data:nic-nsg")),
      Map.entry("some-sources-allowed", Set.of("data:nic-nsg")),
      Map.entry("standard-public-no-nsg", Set.of("data:subnet-nsg", "data:nic-nsg")),
      Map.entry("udr-virtual-appliance", Set.of()),
      Map.entry("vm-deallocated", Set.of("probe:vm")),
      Map.entry("vmss-model-nsg-blocks-probe", Set.of("probe:nic-nsg")),
      Map.entry("vmss-probe-locks-port", Set.of("data:rule")));

  static Stream<Scenario> examples() {
    List<Scenario> all = ScenarioReader.readAll(Path.of("..", "examples"));
    assertThat(all).hasSizeGreaterThanOrEqualTo(14);
    return all.stream();
  }

  static BundleRequest request(Scenario s, boolean redact) {
    AzureFacts facts = new SnapshotReader(s.folder()).gather(s.loadBalancer(), Progress.none());
    List<RecordedAnswer> answers = s.answers().entrySet().stream()
        .map(e -> new RecordedAnswer(e.getKey(), e.getValue(), null, null, "command-line", null)).toList();
    Diagnosis d = DIAGNOSER.diagnose(facts, s.loadBalancer(), s.symptom(), null, answers(s));
    return new BundleRequest(d, facts, s.report(), answers, List.of(), null, "snapshot folder " + s.name(),
        SnapshotDocumentsReader.fromFolder(s.folder()), NOW, redact);
  }

  static List<Answer> answers(Scenario s) {
    return s.answers().entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_bundle_is_complete_its_links_resolve_and_its_path_marks_the_right_hop(Scenario s, @TempDir Path dir) throws Exception {
    // given
    BundleRequest r = request(s, false);
    // when
    Bundle b = BundleBuilder.build(r);
    Path folder = Boolean.getBoolean("bundle.dump") ? Path.of("target", "bundles", s.name()) : dir.resolve("case");
    BundleFolderWriter.write(b, folder);
    Path zip = dir.resolve("case.zip");
    BundleZipWriter.write(b, zip);
    // then: everything is there, in the folder and in the zip
    assertThat(b.files()).containsKeys(Bundle.SUMMARY, Bundle.CAPTURE_PLAN, Bundle.PATH_SVG, Bundle.FACTS);
    assertThat(b.files().keySet()).anyMatch(k -> k.startsWith("snapshot/"));
    assertThat(BundleChecks.unzip(zip).keySet()).containsExactlyInAnyOrderElementsOf(
        b.files().keySet().stream().map(k -> "case/" + k).toList());
    assertThat(BundleZipWriter.bytes(b, "case")).isEqualTo(Files.readAllBytes(zip));
    // the Markdown parses and every link resolves inside the bundle
    assertThat(BundleChecks.unresolvedLinks(folder)).isEmpty();
    assertThat(BundleChecks.linkTargets(b.text(Bundle.SUMMARY))).contains("CAPTURE-PLAN.md", "traffic-path.svg", "facts.json");
    // no placeholder left for a person to fill
    for (String md : List.of(Bundle.SUMMARY, Bundle.CAPTURE_PLAN)) {
      assertThat(b.text(md)).as(md).doesNotContainPattern("\\{[A-Za-z]+\\}").doesNotContainPattern("<(ip|port|name|vm|host|backend)[^>]*>")
          .doesNotContainPattern("(?<![/])\\bnull\\b");
    }
    // each SVG is well-formed, and the path marks the hop this example is about
    for (String svg : b.files().keySet().stream().filter(k -> k.endsWith(".svg")).toList()) {
      BundleChecks.svg(Files.readAllBytes(folder.resolve(svg)));
    }
    Document path = BundleChecks.svg(b.files().get(Bundle.PATH_SVG));
    String lane = s.symptom().equals("probe-down") ? "probe:" : "data:";
    Set<String> failing = new java.util.TreeSet<>(BundleChecks.hops(path, "failing").stream().filter(h -> h.startsWith(lane)).toList());
    assertThat(FAILING).as("expected hops for %s", s.name()).containsKey(s.name());
    assertThat(failing).isEqualTo(FAILING.get(s.name()));
    assertThat(b.failingHops()).containsAll(failing);
    assertThat(b.text(Bundle.SUMMARY)).contains("```mermaid");
    if (s.name().equals("udr-virtual-appliance")) {
      assertThat(BundleChecks.hops(path, "suspected")).contains("probe:route");
    }
    // the capture plan names the real backend and ports
    String ip = TrafficPathBuilder.of(r.facts(), r.facts().loadBalancer(r.diagnosis().loadBalancer()).orElseThrow(), r.diagnosis(), null)
        .backendIp();
    assertThat(b.text(Bundle.CAPTURE_PLAN)).contains("psping -n 60 -i 1 " + (ip == null ? "%BACKEND_IP%" : ip) + ":")
        .containsPattern("netsh trace start|tcpdump");
    if (ip == null) {
      assertThat(b.text(Bundle.CAPTURE_PLAN)).contains("az vmss nic list -g ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void replaying_the_bundles_snapshot_gives_the_same_findings(Scenario s, @TempDir Path dir) {
    // given
    BundleRequest r = request(s, false);
    Bundle b = BundleBuilder.build(r);
    BundleFolderWriter.write(b, dir);
    // when
    AzureFacts replayed = new SnapshotReader(dir.resolve("snapshot")).gather(s.loadBalancer(), Progress.none());
    Diagnosis again = DIAGNOSER.diagnose(replayed, s.loadBalancer(), s.symptom(), null, answers(s));
    // then
    assertThat(again.findings()).isEqualTo(r.diagnosis().findings());
    assertThat(again.loadBalancer()).isEqualTo(r.diagnosis().loadBalancer());
  }
}
