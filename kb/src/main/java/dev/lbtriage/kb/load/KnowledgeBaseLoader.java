package dev.lbtriage.kb.load;

import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the knowledge base: {@code index.yaml} names the symptom files in order (explicit
 * registration, no scanning), each file is read and validated, and every problem of every file is
 * reported at once in a {@link KnowledgeBaseException}.
 */
public final class KnowledgeBaseLoader {

  /** Classpath folder of the bundled KB. */
  public static final String BUNDLED_FOLDER = "kb";

  /** The file that lists the symptom files. */
  public static final String INDEX = "index.yaml";

  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.yaml");

  /** Reads a file by its name in the index; empty when it does not exist. */
  @FunctionalInterface
  private interface FileSource {
    Optional<String> read(String name) throws IOException;
  }

  private KnowledgeBaseLoader() {}

  /** The KB shipped in this jar, under {@code kb/} on the classpath. */
  public static KnowledgeBase loadBundled() {
    ClassLoader cl = KnowledgeBaseLoader.class.getClassLoader();
    return load(BUNDLED_FOLDER + "/", name -> {
      try (InputStream in = cl.getResourceAsStream(BUNDLED_FOLDER + "/" + name)) {
        return in == null ? Optional.empty() : Optional.of(readBounded(in));
      }
    });
  }

  /** A KB from a folder holding {@code index.yaml} and the files it names. */
  public static KnowledgeBase load(Path dir) {
    return load(dir.toString() + dir.getFileSystem().getSeparator(), name -> {
      try (InputStream in = Files.newInputStream(dir.resolve(name))) {
        return Optional.of(readBounded(in));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    });
  }

  private static KnowledgeBase load(String prefix, FileSource files) {
    Problems problems = new Problems();
    YamlTreeReader yaml = new YamlTreeReader();
    List<IdSite> sites = new ArrayList<>();
    SymptomReader reader = new SymptomReader(sites);
    List<Symptom> symptoms = new ArrayList<>();
    for (IndexEntry entry : index(prefix, files, yaml, problems)) {
      String file = prefix + entry.name();
      Optional<String> text;
      try {
        text = files.read(entry.name());
      } catch (IOException | UncheckedIOException e) {
        problems.add(prefix + INDEX, entry.line(), "cannot read '" + entry.name() + "': " + e.getMessage());
        continue;
      }
      if (text.isEmpty()) {
        problems.add(prefix + INDEX, entry.line(), "file '" + entry.name() + "' named in the index does not exist");
        continue;
      }
      yaml.read(file, text.get(), problems).flatMap(root -> reader.read(root, file, problems)).ifPresent(s -> {
        if (s.id() != null && !entry.name().equals(s.id() + ".yaml")) {
          problems.add(file, 0, "symptom '" + s.id() + "' must be in a file named " + s.id() + ".yaml");
        }
        symptoms.add(s);
      });
    }
    reportDuplicates(sites, problems);
    checkAcrossFiles(reader, symptoms, problems);
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(problems.list());
    }
    return new KnowledgeBase(symptoms);
  }

  private record IndexEntry(String name, int line) {}

  private static List<IndexEntry> index(String prefix, FileSource files, YamlTreeReader yaml, Problems problems) {
    String file = prefix + INDEX;
    Optional<String> text;
    try {
      text = files.read(INDEX);
    } catch (IOException | UncheckedIOException e) {
      problems.add(file, 0, "cannot read: " + e.getMessage());
      return List.of();
    }
    if (text.isEmpty()) {
      problems.add(file, 0, "no " + INDEX + " (it lists the symptom files in order)");
      return List.of();
    }
    List<IndexEntry> entries = new ArrayList<>();
    Optional<Fields> fields = yaml.read(file, text.get(), problems)
        .flatMap(root -> Fields.of(root, "index", Set.of("files"), file, problems));
    fields.ifPresent(f -> {
      for (YamlNode n : f.items("files", true)) {
        if (n instanceof YamlNode.Scalar s && s.text() != null && FILE_NAME.matcher(s.text()).matches()) {
          if (entries.stream().anyMatch(e -> e.name().equals(s.text()))) {
            problems.add(file, s.line(), "file '" + s.text() + "' is listed twice");
          } else {
            entries.add(new IndexEntry(s.text(), s.line()));
          }
        } else {
          problems.add(file, n.line(), "each entry of 'files' must be a plain file name like probe-down.yaml");
        }
      }
    });
    return entries;
  }

  /** Implications, report readings shared by {@code sameAs} and Health Probe Status sides name what exists. */
  private static void checkAcrossFiles(SymptomReader reader, List<Symptom> symptoms, Problems problems) {
    CrossReferences.check(symptoms, reader.implied, reader.reports.sameAs, reader.reports.sides, problems);
  }

  private static void reportDuplicates(List<IdSite> sites, Problems problems) {
    Map<String, IdSite> first = new HashMap<>();
    for (IdSite site : sites) {
      IdSite earlier = first.putIfAbsent(site.kind() + " " + site.id(), site);
      if (earlier != null) {
        problems.add(site.file(), site.line(), "duplicate " + site.kind() + " id '" + site.id() + "' (first declared at "
            + earlier.file() + ":" + earlier.line() + ")");
      }
    }
  }

  private static String readBounded(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(YamlTreeReader.MAX_CHARS * 4 + 1);
    if (bytes.length > YamlTreeReader.MAX_CHARS * 4) {
      throw new IOException("file is too large");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
