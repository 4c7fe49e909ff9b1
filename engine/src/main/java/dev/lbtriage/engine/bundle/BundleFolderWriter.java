package dev.lbtriage.engine.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adapter: writes a {@link Bundle} as a folder; never outside it. */
public final class BundleFolderWriter {
  private BundleFolderWriter() {}

  /** @return the files written, in order */
  public static List<Path> write(Bundle bundle, Path folder) {
    List<Path> written = new ArrayList<>();
    Path root = folder.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      for (Map.Entry<String, byte[]> e : bundle.files().entrySet()) {
        Path file = root.resolve(e.getKey()).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
          throw new IllegalArgumentException("refusing to write outside the bundle folder: " + e.getKey());
        }
        Files.createDirectories(file.getParent());
        Files.write(file, e.getValue());
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundle to " + folder, e);
    }
    return written;
  }
}
