package dev.lbtriage.kb.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Real problem reports written by users in public threads (never by us), labelled with the symptom
 * they are about, and the fixed rule that splits them into a development part and a held-out part.
 *
 * <h2>File</h2>
 *
 * Tab-separated, UTF-8, a header line {@code id source_repo source_url label cause evidence text},
 * one report a line. {@code label} is a symptom id or {@code none}; for {@code none}, {@code cause}
 * names the topic ({@code oos:snat}, {@code oos:outbound}, {@code oos:idle-timeout}, {@code
 * oos:appgw}, {@code oos:dns}, {@code oos:other}). Lines starting with {@code #} and blank lines are
 * skipped; a line with the wrong number of fields or an unknown label is a {@link Problem}, kept
 * out of the figures and reported.
 *
 * <h2>Split v2 (decided before any scoring, never changed after)</h2>
 *
 * A report's part is the file it is in (see {@code match/README.md}): {@value #RESOURCE} is the
 * development part (everything tuning may read, including the held-out part of split v1, which was
 * scored twice while tuning and is therefore no longer clean); {@value #RESOURCE_V2} is <b>held-out
 * v2</b>, reports from repositories that have no report in the development file, labelled before any
 * matcher saw them and scored once; {@value #RESOURCE_V2_KNOWN} holds new reports from repositories that
 * do occur in the development file, scored once and reported apart. {@value #RESOURCE_V3} and {@value
 * #RESOURCE_V3_KNOWN} are <b>held-out v3</b>, collected the same way after v2 (no URL of any earlier file,
 * labelled before any matcher saw them), split the same way by repository. The <b>group</b> of a report (its
 * source repository lower-cased, or the host of its URL) is what leave-one-group-out evaluation on the
 * development part leaves out.
 *
 * <p>Split v1 (history): a group was held out when the first byte of {@code SHA-256("lb-triage issue 14
 * split v1:" + group)} was odd ({@link #splitV1}).
 */
final class RealReports {
  static final String SALT = "lb-triage issue 14 split v1:";
  static final String HEADER = "id\tsource_repo\tsource_url\tlabel\tcause\tevidence\ttext";
  static final Set<String> LABELS =
      Set.of("probe-down", "data-port-down", "vmss-backend-port-locked", "residual-traffic", "none");
  static final String RESOURCE = "/match/real-reports.tsv";
  static final String RESOURCE_V2 = "/match/real-reports-v2.tsv";
  static final String RESOURCE_V2_KNOWN = "/match/real-reports-v2-known.tsv";
  static final String RESOURCE_V3 = "/match/real-reports-v3.tsv";
  static final String RESOURCE_V3_KNOWN = "/match/real-reports-v3-known.tsv";
  static final String RESOURCE_DEV2 = "/match/real-reports-dev2.tsv";
  static final String RESOURCE_V4 = "/match/real-reports-v4.tsv";
  static final String RESOURCE_V4_KNOWN = "/match/real-reports-v4-known.tsv";
  /** Every bundled file; those of an {@link Part#optional()} part may be absent. */
  static final List<String> RESOURCES =
      List.of(RESOURCE, RESOURCE_DEV2, RESOURCE_V2, RESOURCE_V2_KNOWN, RESOURCE_V3, RESOURCE_V3_KNOWN, RESOURCE_V4, RESOURCE_V4_KNOWN);

  enum Part {
    /** Everything tuning may read: the first development file. */
    DEVELOPMENT,
    /** More development reports ({@value #RESOURCE_DEV2}), collected by another helper in matcher round 5. */
    DEVELOPMENT_2,
    /** Held-out v2: repositories with no development report; scored once. */
    HELD_OUT,
    /** New reports from repositories that have development reports; scored once, reported apart. */
    HELD_OUT_KNOWN,
    /** v3, new repositories: held out until scored once (round 3), development data since round 5. */
    SEEN_V3,
    /** v3, known repositories: held out until scored once (round 3), development data since round 5. */
    SEEN_V3_KNOWN,
    /** Held-out v4: blind, scored by the lead only (never read while tuning). */
    HELD_OUT_V4,
    /** Held-out v4 reports from repositories that have development reports; reported apart. */
    HELD_OUT_V4_KNOWN;

    static Part parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "dev", "development" -> DEVELOPMENT;
        case "dev2", "development-2" -> DEVELOPMENT_2;
        case "heldout", "held-out", "held_out", "heldout-v2", "v2" -> HELD_OUT;
        case "heldout-known", "v2-known", "heldout-v2-known" -> HELD_OUT_KNOWN;
        case "heldout-v3", "v3", "seen-v3" -> SEEN_V3;
        case "heldout-v3-known", "v3-known", "seen-v3-known" -> SEEN_V3_KNOWN;
        case "heldout-v4", "v4" -> HELD_OUT_V4;
        case "heldout-v4-known", "v4-known" -> HELD_OUT_V4_KNOWN;
        default -> throw new IllegalArgumentException("part must be dev, dev2, heldout, heldout-known, heldout-v3,"
            + " heldout-v3-known, heldout-v4 or heldout-v4-known, not " + s);
      };
    }

    /** The part of a corpus file, from its name ({@code real-reports[-dev2|-v2|-v3|-v4][-known].tsv}). */
    static Part ofFile(String name) {
      String file = name.substring(name.lastIndexOf('/') + 1);
      boolean known = file.contains("-known");
      if (file.contains("-v4")) {
        return known ? HELD_OUT_V4_KNOWN : HELD_OUT_V4;
      }
      if (file.contains("-v3")) {
        return known ? SEEN_V3_KNOWN : SEEN_V3;
      }
      if (file.contains("-v2")) {
        return known ? HELD_OUT_KNOWN : HELD_OUT;
      }
      return file.contains("-dev2") ? DEVELOPMENT_2 : DEVELOPMENT;
    }

    /** Never read while tuning (v2 and v4); v3 was, once it had been scored. */
    boolean heldOut() {
      return this == HELD_OUT || this == HELD_OUT_KNOWN || this == HELD_OUT_V4 || this == HELD_OUT_V4_KNOWN;
    }

    /** Development data: training, examples shipped, leave-one-repository-out figures. */
    boolean development() {
      return !heldOut();
    }

    /** Held-out v2 only (the parts {@code HeldOutQualityTest} scores; v4 is scored once, by the lead). */
    boolean heldOutV2() {
      return this == HELD_OUT || this == HELD_OUT_KNOWN;
    }

    /** A file that may be absent (another branch brings it): a missing one is no error. */
    boolean optional() {
      return this == DEVELOPMENT_2 || this == HELD_OUT_V4 || this == HELD_OUT_V4_KNOWN;
    }
  }

  record Report(String id, String sourceRepo, String url, String label, String cause, String evidence, String text, Part part) {
    boolean inScope() {
      return !label.equals("none");
    }

    String group() {
      return RealReports.group(sourceRepo, url);
    }
  }

  record Problem(String where, String what) {
    @Override
    public String toString() {
      return where + ": " + what;
    }
  }

  record Loaded(List<Report> reports, List<Problem> problems) {
    List<Report> part(Part p) {
      return reports.stream().filter(r -> r.part() == p).toList();
    }

    /** Every development report (the first file, dev2, and v3 since round 5), in file order. */
    List<Report> development() {
      return reports.stream().filter(r -> r.part().development()).toList();
    }
  }

  private RealReports() {}

  static String group(String sourceRepo, String url) {
    String repo = sourceRepo == null ? "" : sourceRepo.strip().toLowerCase(Locale.ROOT);
    if (!repo.isEmpty() && !repo.equals("-")) {
      return repo;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException | NullPointerException e) {
      return "";
    }
  }

  /** Split v1 (history, no longer used): true when the group was on the held-out side. */
  static boolean splitV1(String group) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((SALT + group).getBytes(StandardCharsets.UTF_8));
      return (h[0] & 1) == 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The bundled corpus: the development files (the first, dev2 when present, v3) and the held-out v2
   * files, and the held-out v4 files when present (loaded for the integrity checks of {@code
   * RealReportsTest} and the lead's single scoring; nothing tunes on them).
   */
  static Loaded bundled() throws IOException {
    List<Report> reports = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String resource : RESOURCES) {
      try (InputStream in = RealReports.class.getResourceAsStream(resource)) {
        if (in == null) {
          if (Part.ofFile(resource).optional()) {
            continue;
          }
          throw new IOException("missing test resource " + resource);
        }
        Loaded l = read(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        reports.addAll(l.reports());
        problems.addAll(l.problems());
      }
    }
    return new Loaded(List.copyOf(reports), List.copyOf(problems));
  }

  /** Several corpus files, concatenated (each with its header). */
  static Loaded files(List<Path> paths) throws IOException {
    List<Report> reports = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path p : paths) {
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        Loaded l = read(p.toString(), r);
        reports.addAll(l.reports());
        problems.addAll(l.problems());
      }
    }
    return new Loaded(List.copyOf(reports), List.copyOf(problems));
  }

  static Loaded read(String name, Reader reader) throws IOException {
    Part part = Part.ofFile(name);
    List<Report> reports = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    BufferedReader r = new BufferedReader(reader);
    int n = 0;
    for (String line; (line = r.readLine()) != null; ) {
      n++;
      if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) {
        continue;
      }
      String where = name + ":" + n;
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        problems.add(new Problem(where, f.length + " fields, expected 7"));
        continue;
      }
      String label = f[3].strip();
      if (!LABELS.contains(label)) {
        problems.add(new Problem(where, "unknown label '" + label + "'"));
        continue;
      }
      if (f[6].isBlank()) {
        problems.add(new Problem(where, "empty text"));
        continue;
      }
      if (!f[2].strip().startsWith("http")) {
        problems.add(new Problem(where, "no source URL"));
        continue;
      }
      reports.add(new Report(f[0].strip(), f[1].strip(), f[2].strip(), label, f[4].strip(), f[5].strip(), f[6].strip(), part));
    }
    return new Loaded(List.copyOf(reports), List.copyOf(problems));
  }
}
