package dev.lbtriage.engine.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks at an H2 store file before the driver opens it, because H2 would quietly turn an empty file into a new,
 * empty store (every saved session gone without a word). An empty file, or one that does not start like an H2
 * store, is refused with what happened and what to do; the file is left exactly as it is.
 */
final class StoreFileCheck {

  private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

  private StoreFileCheck() {}

  /** The {@code .mv.db} file of an H2 file URL ({@code jdbc:h2:file:/x}, {@code jdbc:h2:/x}, {@code jdbc:h2:~/x}). */
  static Optional<Path> fileOf(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(8);
    if (rest.regionMatches(true, 0, "file:", 0, 5)) {
      rest = rest.substring(5);
    } else if (rest.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF|retry|jar):.*")) {
      return Optional.empty();
    }
    String path = rest.split(";", 2)[0];
    if (path.isBlank()) {
      return Optional.empty();
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    try {
      return Optional.of(Path.of(path + ".mv.db").toAbsolutePath());
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Throws when the file exists but cannot be a readable store; does nothing for a missing (new) store. */
  static void check(Path file, String jdbcUrl) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      if (Files.size(file) == 0) {
        throw new SessionStoreException("the session store " + file + " is empty (0 bytes): it was cut short, perhaps by a full disk "
            + "or a copy that failed, and holds no sessions. It was not changed. " + whatToDo(file), null);
      }
      boolean encrypted = jdbcUrl.toUpperCase(Locale.ROOT).contains(";CIPHER=");
      if (!encrypted && !startsWithHeader(file)) {
        throw new SessionStoreException("the file " + file + " is not a session store (it does not start like an H2 database); it was "
            + "not changed. If LB_TRIAGE_DB points at the wrong file, correct it; otherwise " + lowerFirst(whatToDo(file)), null);
      }
    } catch (IOException e) {
      throw new SessionStoreException("cannot read the session store " + file + ": " + e.getClass().getSimpleName()
          + " (check its permissions); it was not changed", null);
    }
  }

  /** The message for a store H2 found damaged while opening or reading it. */
  static SessionStoreException damaged(Path file, String reason) {
    return new SessionStoreException("the session store " + file + " cannot be read: it looks damaged or cut short (" + reason
        + "). It was not changed. " + whatToDo(file), null);
  }

  static String whatToDo(Path file) {
    return "Move it aside (mv \"" + file + "\" \"" + file + ".damaged\") and run again to start a new, empty store; "
        + "the sessions in it are lost unless you restore the file from a backup.";
  }

  private static boolean startsWithHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(H2_HEADER.length), H2_HEADER);
    }
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
