package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import dev.lbtriage.engine.session.DataLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The example scenarios shipped in the jar ({@code examples/<name>/}: snapshot JSON and {@code
 * scenario.yaml}). From a folder on the class path (running from source) they are read in place;
 * from a jar they are extracted once per run to {@code examples} in the user's data folder (see
 * {@link DataLocation}: {@code $XDG_DATA_HOME/lb-triage}, {@code ~/.local/share/lb-triage}), a
 * stable folder of the user's own, so a resumed session finds its facts at the same path and no
 * other user of the machine can put files there (a shared {@code /tmp} folder could be created,
 * or filled, by anyone). When that folder cannot be written, a private temporary folder (owner
 * only) is used for the run.
 */
public final class BundledExamples {
  /** The scenario {@code demo} plays when none is named. */
  public static final String DEFAULT = "nsg-deny-all-nic";
  private static final String MARKER = "examples/README.md";
  private static volatile Path root;

  private BundledExamples() {}

  /** Every bundled scenario, sorted by name. */
  public static List<Scenario> list() {
    return ScenarioReader.readAll(root());
  }

  /**
   * The scenario of that folder name. An exact name reads that example alone (from a jar, only its folder is
   * extracted), so {@code demo} reads one scenario file before its greeting, not all; another spelling (case) or an
   * unknown name reads the list.
   */
  public static Optional<Scenario> find(String name) {
    String n = name.strip();
    Optional<Path> one = isFolderName(n) ? one(n) : Optional.empty();
    if (one.isPresent()) {
      return Optional.of(ScenarioReader.read(one.get()));
    }
    return list().stream().filter(s -> s.name().equalsIgnoreCase(n)).findFirst();
  }

  /** A plain folder name: no separator, no "." or "..", nothing a path could be made of. */
  static boolean isFolderName(String name) {
    if (name.isEmpty() || name.startsWith(".")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** The folder of the example of exactly this name, extracted alone when read from a jar; empty when there is none. */
  private static Optional<Path> one(String name) {
    Path r = root;
    if (r != null) {
      return Files.isRegularFile(r.resolve(name).resolve(ScenarioReader.FILE)) ? Optional.of(r.resolve(name)) : Optional.empty();
    }
    URL url = BundledExamples.class.getClassLoader().getResource("examples/" + name + "/" + ScenarioReader.FILE);
    if (url == null) {
      return Optional.empty();
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return Optional.of(Path.of(url.toURI()).getParent());
      }
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = conn.getJarFile()) {
          return Optional.of(extract(jar, DataLocation.currentDataDir(), name + "/").resolve(name));
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read the bundled example " + name + ": " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  /** The folder holding the examples on the default file system. */
  public static Path root() {
    Path r = root;
    if (r == null) {
      synchronized (BundledExamples.class) {
        if (root == null) {
          root = locate();
        }
        r = root;
      }
    }
    return r;
  }

  private static Path locate() {
    URL url = BundledExamples.class.getClassLoader().getResource(MARKER);
    try {
      if (url != null && "file".equals(url.getProtocol())) {
        return Path.of(url.toURI()).getParent();
      }
      if (url != null && "jar".equals(url.getProtocol())) {
        return extract((JarURLConnection) url.openConnection());
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read the bundled examples: " + e.getMessage(), e);
    }
    Path source = Path.of("examples");
    if (Files.isRegularFile(source.resolve("README.md"))) {
      return source.toAbsolutePath();
    }
    throw new IllegalStateException("this build has no bundled examples; use --snapshot DIR");
  }

  private static Path extract(JarURLConnection conn) throws IOException {
    conn.setUseCaches(false);
    try (JarFile jar = conn.getJarFile()) {
      return extract(jar, DataLocation.currentDataDir());
    }
  }

  /** Extracts the jar's {@code examples/} into {@code dataDir/examples}, else into a private temporary folder. */
  static Path extract(JarFile jar, Path dataDir) throws IOException {
    return extract(jar, dataDir, "");
  }

  /**
   * Extracts the entries of the jar's {@code examples/} that start with {@code under} (all of them when empty) into
   * {@code dataDir/examples}, else into a private temporary folder; returns the folder of {@code examples/}.
   */
  static Path extract(JarFile jar, Path dataDir, String under) throws IOException {
    Path target;
    try {
      target = Files.createDirectories(dataDir.resolve("examples"));
      copy(jar, target, "examples/" + under);
      return target;
    } catch (IOException | UncheckedIOException e) {
      target = Files.createTempDirectory("lb-triage-examples-"); // rwx------ on POSIX
      copy(jar, target, "examples/" + under);
      return target;
    }
  }

  private static void copy(JarFile jar, Path target, String prefix) throws IOException {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry e = entries.nextElement();
      if (e.isDirectory() || !e.getName().startsWith(prefix)) {
        continue;
      }
      Path out = target.resolve(e.getName().substring("examples/".length())).normalize();
      if (!out.startsWith(target)) {
        continue;
      }
      Files.createDirectories(out.getParent());
      Path tmp = Files.createTempFile(out.getParent(), ".part", null);
      try (InputStream in = jar.getInputStream(e)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
