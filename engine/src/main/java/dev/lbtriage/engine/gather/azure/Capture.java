package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.lbtriage.rules.facts.MissingFact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link LiveRead} as a snapshot folder (see {@code engine/SNAPSHOT-FORMAT.md}): one JSON
 * file per document under the names {@link LiveRead#files()} lists, plus {@code CAPTURE.md} naming
 * the load balancer and every read that failed (not JSON, so the snapshot reader skips it).
 * {@link dev.lbtriage.engine.gather.snapshot.SnapshotReader} over the folder gives the same facts
 * as {@link LiveRead#facts()}, except the failure reasons of missing facts.
 */
public final class Capture {

  private static final ObjectWriter PRETTY = ArmClient.JSON.writerWithDefaultPrettyPrinter();

  private Capture() {}

  /**
   * @param folder created if absent; must not hold any file yet (a capture never overwrites)
   * @return the files written, in order
   * @throws IllegalArgumentException when the folder is not empty
   * @throws UncheckedIOException when a file cannot be written
   */
  public static List<Path> write(LiveRead read, Path folder) {
    try {
      Files.createDirectories(folder);
      try (Stream<Path> existing = Files.list(folder)) {
        if (existing.findAny().isPresent()) {
          throw new IllegalArgumentException("capture folder " + folder + " is not empty; choose a new folder");
        }
      }
      List<Path> written = writeDocuments(read, folder);
      Path notes = folder.resolve("CAPTURE.md");
      Files.writeString(notes, notes(read), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      written.add(notes);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the capture to " + folder, e);
    }
  }

  static List<Path> writeDocuments(LiveRead read, Path folder) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : read.files().entrySet()) {
      Path file = folder.resolve(e.getKey()).normalize();
      if (!file.startsWith(folder.normalize())) {
        throw new IOException("refusing to write outside the capture folder: " + e.getKey());
      }
      Files.createDirectories(file.getParent());
      Files.write(file, (PRETTY.writeValueAsString(e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE_NEW);
      written.add(file);
    }
    return written;
  }

  private static String notes(LiveRead read) {
    StringBuilder b = new StringBuilder("# lb-triage capture\n\nLoad balancer: `").append(read.loadBalancerId())
        .append("`\n\n").append(read.files().size()).append(" documents read from Azure Resource Manager.\n");
    if (read.failures().isEmpty()) {
      b.append("\nEvery read succeeded.\n");
    } else {
      b.append("\n## Could not be read\n\n");
      for (MissingFact f : read.failures()) {
        b.append("- ").append(f.kind()).append(" `").append(f.reference()).append("`: ").append(f.reason()).append('\n');
      }
    }
    if (!read.probeFlowNotes().isEmpty() || !read.probeFlowFailures().isEmpty()) {
      b.append("\n## Network Watcher probe flow verification\n\nAzure's answers are in `").append(ProbeFlowCheck.SNAPSHOT_FILE)
          .append("` (replayed as facts; the rules recompute these disagreements from them):\n\n");
      read.probeFlowNotes().forEach(n -> b.append("- ").append(n.message()).append('\n'));
      for (MissingFact f : read.probeFlowFailures()) {
        b.append("- ").append(f.kind()).append(" `").append(f.reference()).append("`: ").append(f.reason()).append('\n');
      }
    }
    return b.toString();
  }
}
