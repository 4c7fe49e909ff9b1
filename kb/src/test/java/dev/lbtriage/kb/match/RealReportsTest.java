package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.RealReports.Loaded;
import dev.lbtriage.kb.match.RealReports.Part;
import dev.lbtriage.kb.match.RealReports.Report;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Symptom;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The corpus of real reports is well formed, and its split is the fixed rule of {@link RealReports}. */
class RealReportsTest {
  static Loaded corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = RealReports.bundled();
  }

  @Test
  void everyRowIsWellFormedWithASourceUrl() {
    assertThat(corpus.problems()).isEmpty();
    assertThat(corpus.reports()).hasSizeGreaterThanOrEqualTo(200);
    for (Report r : corpus.reports()) {
      assertThat(r.url()).as(r.id()).startsWith("https://");
      assertThat(r.text()).as(r.id()).isNotBlank();
      if (!r.inScope()) {
        assertThat(OutOfScopeTopic.byId(r.cause())).as("%s cause %s", r.id(), r.cause()).isPresent();
      }
    }
  }

  @Test
  void idsAreUnique() {
    Set<String> seen = new HashSet<>();
    corpus.reports().forEach(r -> assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue());
  }

  @Test
  void everyPartHasReportsOfBothKindsAndHeldOutV2SharesNoGroupWithDevelopment() {
    for (Part p : Part.values()) {
      List<Report> part = corpus.part(p);
      if (part.isEmpty() && p.optional()) {
        continue; // dev2 and v4 come from other branches
      }
      assertThat(part).as(p.name()).anyMatch(Report::inScope).anyMatch(r -> !r.inScope());
    }
    Set<String> dev = new HashSet<>();
    corpus.part(Part.DEVELOPMENT).forEach(r -> dev.add(r.group()));
    corpus.part(Part.HELD_OUT).forEach(r -> assertThat(dev).as(r.id()).doesNotContain(r.group()));
    // the known-repository file holds exactly the reports whose repository is also in development
    corpus.part(Part.HELD_OUT_KNOWN).forEach(r -> assertThat(dev).as(r.id()).contains(r.group()));
  }

  @Test
  void v3IsSplitByRepositoryLikeV2() {
    Set<String> dev = new HashSet<>();
    corpus.part(Part.DEVELOPMENT).forEach(r -> dev.add(r.group()));
    List<Report> v3 = corpus.part(Part.SEEN_V3);
    List<Report> v3Known = corpus.part(Part.SEEN_V3_KNOWN);
    assertThat(v3).isNotEmpty();
    assertThat(v3Known).isNotEmpty();
    // v3 repositories are not in development (new users' words); the known file holds the rest
    v3.forEach(r -> assertThat(dev).as("v3 %s repository %s is a development repository", r.id(), r.group()).doesNotContain(r.group()));
    v3Known.forEach(r -> assertThat(dev).as("v3-known %s repository %s", r.id(), r.group()).contains(r.group()));
    v3.forEach(r -> assertThat(r.id()).startsWith("v3-"));
    v3Known.forEach(r -> assertThat(r.id()).startsWith("v3k-"));
  }

  @Test
  void everyHeldOutUrlOccursOnceInAllFiles() {
    // the development file may hold a thread twice (history); a held-out thread occurs once in the whole corpus
    Map<String, List<String>> idsByUrl = new HashMap<>();
    corpus.reports().forEach(r -> idsByUrl.computeIfAbsent(r.url(), u -> new java.util.ArrayList<>()).add(r.id()));
    for (Report r : corpus.reports()) {
      if (r.part().heldOut() || r.part() == Part.SEEN_V3 || r.part() == Part.SEEN_V3_KNOWN) {
        assertThat(idsByUrl.get(r.url())).as("%s: %s occurs in %s", r.id(), r.url(), idsByUrl.get(r.url())).hasSize(1);
      }
    }
  }

  @Test
  void noHeldOutTextOccursTwice() {
    Map<String, List<String>> idsByText = new HashMap<>();
    corpus.reports().forEach(r -> idsByText.computeIfAbsent(r.text(), t -> new java.util.ArrayList<>()).add(r.id()));
    for (Report r : corpus.reports()) {
      if (r.part().heldOut()) {
        assertThat(idsByText.get(r.text())).as("%s: same text as %s", r.id(), idsByText.get(r.text())).hasSize(1);
      }
    }
  }

  @Test
  void causesOfV3Dev2AndV4AreCausesOfTheirSymptom() {
    Map<String, Set<String>> causes = KnowledgeBaseLoader.loadBundled().symptoms().stream()
        .collect(Collectors.toMap(Symptom::id, s -> s.causes().stream().map(Cause::id).collect(Collectors.toSet())));
    for (Part p : List.of(Part.SEEN_V3, Part.SEEN_V3_KNOWN, Part.DEVELOPMENT_2, Part.HELD_OUT_V4, Part.HELD_OUT_V4_KNOWN)) {
      for (Report r : corpus.part(p)) {
        assertThat(r.evidence()).as("%s has no evidence", r.id()).isNotBlank();
        if (r.inScope()) {
          assertThat(causes).as(r.id()).containsKey(r.label());
          if (!r.cause().isEmpty()) {
            assertThat(causes.get(r.label())).as("%s cause %s of %s", r.id(), r.cause(), r.label()).contains(r.cause());
          }
        }
      }
    }
  }

  @Test
  void noHeldOutReportRepeatsADevelopmentThreadOrText() {
    // development: every file tuning reads (the first, dev2, v3 since round 5)
    Set<String> urls = new HashSet<>();
    Set<String> texts = new HashSet<>();
    corpus.development().forEach(r -> {
      urls.add(r.url());
      texts.add(r.text());
    });
    for (Report r : corpus.reports()) {
      if (r.part().heldOut()) {
        assertThat(urls).as("held-out %s repeats a development thread", r.id()).doesNotContain(r.url());
        assertThat(texts).as("held-out %s repeats a development text", r.id()).doesNotContain(r.text());
        assertThat(urls.add(r.url())).as("held-out %s occurs twice", r.id()).isTrue();
      }
    }
  }

  @Test
  void thePartIsTheFileAndSplitV1StaysAsHistory() {
    assertThat(Part.ofFile("/match/real-reports.tsv")).isEqualTo(Part.DEVELOPMENT);
    assertThat(Part.ofFile("/match/real-reports-v2.tsv")).isEqualTo(Part.HELD_OUT);
    assertThat(Part.ofFile("/match/real-reports-v2-known.tsv")).isEqualTo(Part.HELD_OUT_KNOWN);
    assertThat(Part.ofFile("/match/real-reports-v3.tsv")).isEqualTo(Part.SEEN_V3);
    assertThat(Part.ofFile("/match/real-reports-dev2.tsv")).isEqualTo(Part.DEVELOPMENT_2);
    assertThat(Part.ofFile("/match/real-reports-v4.tsv")).isEqualTo(Part.HELD_OUT_V4);
    assertThat(Part.ofFile("/match/real-reports-v4-known.tsv")).isEqualTo(Part.HELD_OUT_V4_KNOWN);
    assertThat(Part.parse("heldout-v4")).isEqualTo(Part.HELD_OUT_V4);
    assertThat(Part.parse("heldout-v4-known")).isEqualTo(Part.HELD_OUT_V4_KNOWN);
    // v3 was scored once and is development data since round 5; v2 and v4 never are
    assertThat(Part.SEEN_V3.development()).isTrue();
    assertThat(Part.SEEN_V3_KNOWN.development()).isTrue();
    assertThat(Part.DEVELOPMENT_2.development()).isTrue();
    for (Part p : List.of(Part.HELD_OUT, Part.HELD_OUT_KNOWN, Part.HELD_OUT_V4, Part.HELD_OUT_V4_KNOWN)) {
      assertThat(p.heldOut()).as(p.name()).isTrue();
      assertThat(p.development()).as(p.name()).isFalse();
    }
    assertThat(Part.ofFile("/match/real-reports-v3-known.tsv")).isEqualTo(Part.SEEN_V3_KNOWN);
    assertThat(Part.parse("heldout-v3")).isEqualTo(Part.SEEN_V3);
    assertThat(Part.parse("heldout-v3-known")).isEqualTo(Part.SEEN_V3_KNOWN);
    assertThat(Part.parse("heldout")).isEqualTo(Part.HELD_OUT);
    assertThat(Part.SEEN_V3.heldOut()).isFalse();
    assertThat(Part.SEEN_V3.heldOutV2()).isFalse();
    assertThat(Part.HELD_OUT_KNOWN.heldOutV2()).isTrue();
    // fixed points of split v1 (SHA-256 of salt + group, low bit of the first byte)
    assertThat(RealReports.splitV1("microsoftdocs/azure-docs")).isTrue();
    assertThat(RealReports.splitV1("azure/aks")).isTrue();
    assertThat(RealReports.splitV1("hashicorp/terraform-provider-azurerm")).isFalse();
    assertThat(RealReports.group("Azure/AKS", "https://github.com/Azure/AKS/issues/1")).isEqualTo("azure/aks");
    assertThat(RealReports.group("-", "https://learn.microsoft.com/en-us/answers/questions/1")).isEqualTo("learn.microsoft.com");
  }

  @Test
  void malformedRowsAreReportedNotLoaded() throws IOException {
    Loaded l = RealReports.read("t.tsv", new StringReader(RealReports.HEADER + "\n"
        + "a\tr/x\thttps://x/1\tprobe-down\t\t\tprobe is red\n"
        + "b\tr/x\thttps://x/2\tprobe-dead\t\t\tunknown label\n"
        + "c\tr/x\thttps://x/3\tnone\n"
        + "d\tr/x\t\tnone\toos:dns\t\tno url\n"));
    assertThat(l.reports()).extracting(Report::id).containsExactly("a");
    assertThat(l.problems()).extracting(RealReports.Problem::where).containsExactly("t.tsv:3", "t.tsv:4", "t.tsv:5");
  }
}
