package dev.lbtriage.engine.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Adapter: the ARM JSON a bundle's {@code snapshot/} holds, read from a snapshot folder (every
 * {@code *.json} under it, as the snapshot reader sees them) or taken from a live read's documents.
 */
public final class SnapshotDocumentsReader {
  private static final int MAX_DEPTH = 16;

  private SnapshotDocumentsReader() {}

  /** Relative path ({@code /}-separated) to text, sorted. */
  public static Map<String, String> fromFolder(Path folder) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      for (Path p : walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).toList()) {
        Path rel = folder.relativize(p);
        out.put(rel.toString().replace(rel.getFileSystem().getSeparator(), "/"), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot folder " + folder, e);
    }
    return out;
  }

  /** The documents of a live read ({@code LiveRead.files()}), pretty-printed as a capture writes them. */
  public static Map<String, String> fromDocuments(Map<String, JsonNode> documents) {
    Map<String, String> out = new TreeMap<>();
    documents.forEach((name, doc) -> {
      try {
        out.put(name, FactsJson.JSON.writeValueAsString(doc) + "\n");
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    });
    return out;
  }
}
