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
 * <h2>Split (decided before any tuning, never changed after)</h2>
 *
 * Reports are split by their <b>group</b>, so that all reports from one repository (one project's
 * users, one set of words) fall on the same side: the group is {@code source_repo} lower-cased, or
 * when that is empty or {@code -}, the host of {@code source_url}. A group is held out when the
 * first byte of {@code SHA-256("lb-triage issue 14 split v1:" + group)} is odd: about half of the
 * groups, stable across runs, machines and additions to the corpus (a new report from a known group
 * joins that group's side). Tuning looks only at {@link Part#DEVELOPMENT}; figures quoted as quality
 * are on {@link Part#HELD_OUT}.
 */
final class RealReports {
  static final String SALT = "lb-triage issue 14 split v1:";
  static final String HEADER = "id\tsource_repo\tsource_url\tlabel\tcause\tevidence\ttext";
  static final Set<String> LABELS =
      Set.of("probe-down", "data-port-down", "vmss-backend-port-locked", "residual-traffic", "none");
  static final String RESOURCE = "/match/real-reports.tsv";

  enum Part {
    DEVELOPMENT,
    HELD_OUT;

    static Part parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "dev", "development" -> DEVELOPMENT;
        case "heldout", "held-out", "held_out" -> HELD_OUT;
        default -> throw new IllegalArgumentException("part must be dev or heldout, not " + s);
      };
    }
  }

  record Report(String id, String sourceRepo, String url, String label, String cause, String evidence, String text) {
    boolean inScope() {
      return !label.equals("none");
    }

    String group() {
      return RealReports.group(sourceRepo, url);
    }

    Part part() {
      return partOf(group());
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

  static Part partOf(String group) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((SALT + group).getBytes(StandardCharsets.UTF_8));
      return (h[0] & 1) == 1 ? Part.HELD_OUT : Part.DEVELOPMENT;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bundled corpus ({@value #RESOURCE}). */
  static Loaded bundled() throws IOException {
    try (InputStream in = RealReports.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing test resource " + RESOURCE);
      }
      return read(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
    }
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
      reports.add(new Report(f[0].strip(), f[1].strip(), f[2].strip(), label, f[4].strip(), f[5].strip(), f[6].strip()));
    }
    return new Loaded(List.copyOf(reports), List.copyOf(problems));
  }
}
