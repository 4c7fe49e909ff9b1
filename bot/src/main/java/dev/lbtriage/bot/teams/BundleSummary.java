package dev.lbtriage.bot.teams;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The lines of a support-case bundle's {@code SUMMARY.md} that a channel card shows in place of the file: its title,
 * the causes with their status, and the fields for the Azure support request. Tables become plain lines (cells
 * joined by " · ", Markdown marks dropped); at most {@value #MAX_LINES} lines. Read from the zip the conversation
 * made; nothing is recomputed.
 */
final class BundleSummary {
  static final int MAX_LINES = 40;
  private static final Set<String> SHOWN = Set.of("## Causes, with status and evidence", "## For the Azure support request");

  private BundleSummary() {}

  static List<String> of(byte[] zip) {
    String summary = summaryMd(zip);
    List<String> out = new ArrayList<>();
    if (summary == null) {
      return out;
    }
    boolean shown = false;
    boolean code = false;
    for (String raw : summary.split("\r?\n")) {
      String line = raw.strip();
      if (line.startsWith("```")) {
        code = !code;
      }
      // inside a code block a line is not Markdown: "# See the VM's power state" is a shell comment, not a title
      if (!code && line.startsWith("# ")) {
        out.add(line);
        continue;
      }
      if (!code && line.startsWith("## ")) {
        shown = SHOWN.stream().anyMatch(line::startsWith);
        if (shown) {
          out.add(line);
        }
        continue;
      }
      if (!shown || line.isEmpty() || line.matches("\\|?[\\s:|-]+\\|?") || line.startsWith("```")) {
        continue;
      }
      out.add(plain(line));
      if (out.size() >= MAX_LINES) {
        out.add("… (the rest is in SUMMARY.md)");
        break;
      }
    }
    return out;
  }

  private static String plain(String line) {
    String s = line;
    if (s.startsWith("|")) {
      List<String> cells = new ArrayList<>();
      for (String cell : s.substring(1, s.endsWith("|") ? s.length() - 1 : s.length()).split("\\|")) {
        if (!cell.isBlank()) {
          cells.add(cell.strip());
        }
      }
      s = String.join(" · ", cells);
    }
    return s.replace("**", "").replace("`", "");
  }

  private static String summaryMd(byte[] zip) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().endsWith("/SUMMARY.md") || e.getName().equals("SUMMARY.md")) {
          return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
