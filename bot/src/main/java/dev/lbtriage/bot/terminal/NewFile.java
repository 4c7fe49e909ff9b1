package dev.lbtriage.bot.terminal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a file without ever overwriting one: {@code NAME.zip}, else {@code NAME-1.zip}, {@code NAME-2.zip}, ... */
final class NewFile {
  private static final int MAX_TRIES = 1000;

  private NewFile() {}

  /** @return the path written, absolute */
  static Path write(Path folder, String name, byte[] bytes) throws IOException {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 0; i < MAX_TRIES; i++) {
      Path p = folder.resolve(i == 0 ? name : stem + "-" + i + ext).toAbsolutePath();
      try {
        Files.write(p, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return p;
      } catch (FileAlreadyExistsException taken) {
        // next suffix
      }
    }
    throw new IOException("there are already " + MAX_TRIES + " files named " + stem + "-N" + ext);
  }
}
