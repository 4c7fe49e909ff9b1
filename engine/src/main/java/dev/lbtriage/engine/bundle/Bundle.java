package dev.lbtriage.engine.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A support-case bundle in memory: its files by relative path ({@code SUMMARY.md}, {@code
 * snapshot/lb.json}...), in the order they are written, and what was masked.
 *
 * @param findings the findings as {@code cause=status}, for what the commands print
 * @param failingHops the hops the path picture marks failing ({@code probe:subnet-nsg} ...)
 */
public record Bundle(Map<String, byte[]> files, List<Redaction.Mask> masked, List<String> findings, List<String> failingHops) {
  public static final String SUMMARY = "SUMMARY.md";
  public static final String CAPTURE_PLAN = "CAPTURE-PLAN.md";
  public static final String PATH_SVG = "traffic-path.svg";
  public static final String FACTS = "facts.json";
  public static final String MASKED = "MASKED.md";
  public static final String SNAPSHOT = "snapshot/";

  public Bundle {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    masked = List.copyOf(masked);
    findings = List.copyOf(findings);
    failingHops = List.copyOf(failingHops);
  }

  /** A file's text (UTF-8), or null. */
  public String text(String path) {
    byte[] b = files.get(path);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
