package dev.lbtriage.bot.terminal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The conversation key a terminal session is saved under in the runtime: it records where the facts came from,
 * so {@code chat --resume} finds them again: {@code terminal:<id>:example:<name>} for a bundled example
 * (extracted anew on each run), {@code terminal:<id>:snapshot:<absolute path>}, or {@code terminal:<id>:azure} for
 * live Azure (read again with the options given to the resuming command).
 *
 * @param example the bundled example's name, or null
 * @param snapshot the snapshot folder, or null
 * @param azure the facts come from live Azure
 */
public record SessionKey(String example, Path snapshot, boolean azure) {
  private static final String FACE = "terminal";

  public static SessionKey ofExample(String name) {
    return new SessionKey(name, null, false);
  }

  public static SessionKey ofSnapshot(Path folder) {
    return new SessionKey(null, folder.toAbsolutePath().normalize(), false);
  }

  public static SessionKey ofAzure() {
    return new SessionKey(null, null, true);
  }

  public String format(String sessionId) {
    return FACE + ":" + sessionId + (azure ? ":azure" : example != null ? ":example:" + example : ":snapshot:" + snapshot);
  }

  /** The key's source, when it is a terminal key. */
  public static Optional<SessionKey> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String[] p = key.split(":", 4);
    if (p.length == 3 && p[0].equals(FACE) && p[2].equals("azure")) {
      return Optional.of(ofAzure());
    }
    if (p.length < 4 || !p[0].equals(FACE)) {
      return Optional.empty();
    }
    return switch (p[2]) {
      case "example" -> Optional.of(ofExample(p[3]));
      case "snapshot" -> Optional.of(new SessionKey(null, Path.of(p[3]), false));
      default -> Optional.empty();
    };
  }

  /** The snapshot folder this key points to (a bundled example is looked up by name). */
  public Path folder() {
    if (snapshot != null) {
      return snapshot;
    }
    if (azure) {
      throw new IllegalStateException("a session on live Azure has no snapshot folder");
    }
    return BundledExamples.find(example).map(s -> s.folder())
        .orElseThrow(() -> new IllegalArgumentException("the example " + example + " is not bundled any more"));
  }
}
