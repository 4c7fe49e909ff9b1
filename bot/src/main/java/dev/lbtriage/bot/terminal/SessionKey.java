package dev.lbtriage.bot.terminal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The conversation key a terminal session is saved under: it records where the facts came from, so
 * {@code chat --resume} finds them again: {@code terminal:<id>:example:<name>} for a bundled
 * example (extracted anew on each run) or {@code terminal:<id>:snapshot:<absolute path>}.
 */
public record SessionKey(String example, Path snapshot) {

  public static SessionKey ofExample(String name) {
    return new SessionKey(name, null);
  }

  public static SessionKey ofSnapshot(Path folder) {
    return new SessionKey(null, folder.toAbsolutePath().normalize());
  }

  public String format(String sessionId) {
    return "terminal:" + sessionId + (example != null ? ":example:" + example : ":snapshot:" + snapshot);
  }

  /** The key's source, when it is a terminal key. */
  public static Optional<SessionKey> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String[] p = key.split(":", 4);
    if (p.length < 4 || !p[0].equals("terminal")) {
      return Optional.empty();
    }
    return switch (p[2]) {
      case "example" -> Optional.of(ofExample(p[3]));
      case "snapshot" -> Optional.of(new SessionKey(null, Path.of(p[3])));
      default -> Optional.empty();
    };
  }

  /** The snapshot folder this key points to (a bundled example is looked up by name). */
  public Path folder() {
    if (snapshot != null) {
      return snapshot;
    }
    return BundledExamples.find(example).map(s -> s.folder())
        .orElseThrow(() -> new IllegalArgumentException("the example " + example + " is not bundled any more"));
  }
}
