package dev.lbtriage.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.RemediationTried;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.match.SymptomMatch;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README shows a bundle's SUMMARY.md and its path picture: {@code docs/bundle-example/} is the whole
 * bundle of the README's command (the {@code nsg-deny-all-subnet} example with a remediation tried), as the
 * builder makes it today; every link in it resolves inside it, and each heading the README's shortened
 * excerpt shows is in the real SUMMARY.md. Regenerate with {@code -Dbundle.docs.update=true}.
 */
class DocsBundleExampleTest {
  static final Path DOCS = Path.of("..", "docs", "bundle-example");
  static final Path EXAMPLE = Path.of("..", "examples", "nsg-deny-all-subnet");
  static final String REPORT = "Since the NSG change both web VMs show unhealthy in the health probe status";
  static final String TRIED = "opened port 25 in nsg-web at 09:40, still failing";
  static final Instant AT = Instant.parse("2026-12-03T14:00:00Z");

  static Bundle readmeBundle() {
    AzureFacts facts = new SnapshotReader(EXAMPLE).gather("lb-web", Progress.none());
    String lbId = facts.loadBalancers().stream().filter(l -> l.name().equals("lb-web")).findFirst().orElseThrow().id();
    double score = Math.round(new SymptomMatcher(BundleExamplesTest.KB).assess(REPORT).best().filter(m -> m.symptomId().equals("probe-down"))
        .map(SymptomMatch::score).orElseThrow() * 1000) / 1000.0;
    Diagnosis d = BundleExamplesTest.DIAGNOSER.diagnose(facts, lbId, "probe-down", score, List.of());
    return BundleBuilder.build(new BundleRequest(d, facts, REPORT, List.of(), List.of(), null, "snapshot folder examples/nsg-deny-all-subnet",
        SnapshotDocumentsReader.fromFolder(EXAMPLE), AT, false,
        List.of(new RemediationTried(TRIED, null, AT, RemediationTried.COMMAND_LINE, true))));
  }

  @Test
  void docs_bundle_example_is_the_bundle_the_builder_makes_today_and_its_links_resolve() throws Exception {
    Bundle b = readmeBundle();
    if (Boolean.getBoolean("bundle.docs.update")) {
      for (Path old : BundleChecks.files(DOCS)) {
        Files.delete(old);
      }
      BundleFolderWriter.write(b, DOCS);
    }
    Map<String, String> onDisk = new TreeMap<>();
    for (Path f : BundleChecks.files(DOCS)) {
      onDisk.put(DOCS.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"), Files.readString(f));
    }
    Map<String, String> built = new TreeMap<>();
    b.files().keySet().forEach(k -> built.put(k, b.text(k)));
    assertThat(onDisk).as("docs/bundle-example is stale: run DocsBundleExampleTest with -Dbundle.docs.update=true").isEqualTo(built);
    assertThat(BundleChecks.unresolvedLinks(DOCS)).isEmpty();
    assertThat(BundleChecks.hops(BundleChecks.svg(b.files().get(Bundle.PATH_SVG)), "failing")).contains("probe:subnet-nsg");
  }

  @Test
  void the_readme_shows_the_summary_and_the_path_picture_and_its_excerpt_follows_the_real_summary() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String summary = readmeBundle().text(Bundle.SUMMARY);
    assertThat(readme).contains("](docs/bundle-example/traffic-path.svg)", "(docs/bundle-example/SUMMARY.md)", "--tried \"" + TRIED + "\"");
    String excerpt = readme.substring(readme.indexOf("```markdown\n# Support case"), readme.indexOf("```", readme.indexOf("```markdown\n# Support case") + 5));
    List<String> headings = excerpt.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceAll("\\s{2,}\\(.*$", "").strip()).toList();
    assertThat(headings).hasSizeGreaterThanOrEqualTo(8);
    for (String h : headings) {
      assertThat(summary.lines().anyMatch(l -> l.equals(h))).as("README heading %s in SUMMARY.md", h).isTrue();
    }
  }
}
