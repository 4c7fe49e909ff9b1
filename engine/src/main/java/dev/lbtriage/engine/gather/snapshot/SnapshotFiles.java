package dev.lbtriage.engine.gather.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Lists a snapshot folder's JSON files, recursively, sorted by relative path ({@code /}-separated). */
final class SnapshotFiles {

  /** A file and its path relative to the snapshot folder, as problems and origins name it. */
  record Entry(Path path, String relative) {}

  private static final int MAX_DEPTH = 16;

  private SnapshotFiles() {}

  static List<Entry> list(Path folder) {
    if (!Files.exists(folder)) {
      throw new SnapshotFolderException(folder, "snapshot folder does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new SnapshotFolderException(folder, "snapshot path is not a folder");
    }
    List<Entry> entries;
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      entries = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .map(p -> new Entry(p, relative(folder, p)))
          .sorted(Comparator.comparing(Entry::relative))
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new SnapshotFolderException(folder, "cannot list the snapshot folder (" + e.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw new SnapshotFolderException(folder, "snapshot folder has no *.json files");
    }
    return List.copyOf(entries);
  }

  private static String relative(Path folder, Path file) {
    Path rel = folder.relativize(file);
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }
}
