package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability suite, snapshot reader (issue 19): seeded mutations of the real ARM JSON (the bundled examples, and
 * the payloads in {@code shared/azure-fixtures} when that folder is beside the repository): wrong types, missing
 * fields, invalid addresses, prefixes, ports and priorities, huge arrays, deep nesting, truncation and invalid UTF-8.
 * Every input is read without an uncaught exception, and every problem names its file, a JSON path and what is
 * wrong. A share of whole mutated snapshots is also diagnosed for every symptom: no rule may throw. The figures go
 * to {@code target/reliability/snapshot-reader.txt}.
 */
class SnapshotReaderFuzzTest {

  static final long SEED = 1919;
  static final int FILE_INPUTS = 10_000;
  static final int DIAGNOSED_SNAPSHOTS = 200;
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> BAD_STRINGS = List.of("", " ", "999.1.1.1/40", "abc", "*", "10.0.0.0/", "10.0.0.0/33", "1.2.3", "::zz",
      "70000", "-1", "0-70000", "90-80", "\u0000\n\u001b[31m", "x".repeat(300), "null", "1e9", "VirtualNetwork", "10.0.0.4/24",
      "fe80::/200", "Inbound", "Deny", "Tcp", "NotAProtocol");
  static final List<Integer> BAD_INTS = List.of(-1, 0, 99, 4097, 65001, 65536, 70000, Integer.MAX_VALUE, Integer.MIN_VALUE);

  @TempDir Path dir;

  @Test
  void mutated_arm_json_never_escapes_the_reader_and_every_problem_says_what_and_where() throws IOException {
    List<Path> sources = sources();
    assertThat(sources).hasSizeGreaterThan(20);
    List<byte[]> originals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path p : sources) {
      originals.add(Files.readAllBytes(p));
      names.add(p.getFileName().toString());
    }
    Random rnd = new Random(SEED);
    SnapshotFileReader reader = new SnapshotFileReader(SnapshotLimits.DEFAULT);
    int uncaught = 0;
    int problems = 0;
    int withProblems = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < FILE_INPUTS; i++) {
      int pick = rnd.nextInt(originals.size());
      byte[] input = mutate(originals.get(pick), rnd);
      Path file = dir.resolve(names.get(pick));
      Files.write(file, input);
      SnapshotIndex index = new SnapshotIndex();
      try {
        reader.read(file, names.get(pick), index);
      } catch (RuntimeException | StackOverflowError e) {
        uncaught++;
        if (failures.size() < 5) {
          failures.add(names.get(pick) + " #" + i + ": " + e);
        }
        continue;
      }
      problems += index.problems.size();
      withProblems += index.problems.isEmpty() ? 0 : 1;
      for (SnapshotProblem p : index.problems) {
        assertThat(p.file()).isEqualTo(names.get(pick));
        assertThat(p.jsonPath()).startsWith("$");
        assertThat(p.message()).isNotBlank().doesNotContain("\n").doesNotContain("Exception").hasSizeLessThan(600);
      }
      Files.delete(file);
    }

    int diagnosed = diagnoseMutatedSnapshots(rnd);
    String figures = "Snapshot reader: " + FILE_INPUTS + " mutated files from " + sources.size() + " real payloads, " + uncaught
        + " uncaught exceptions, " + withProblems + " inputs reported with " + problems + " problems (file, JSON path, what); "
        + diagnosed + " mutated snapshots diagnosed for every symptom, 0 rule failures (seed " + SEED + ")";
    write("snapshot-reader.txt", figures);
    assertThat(uncaught).as("uncaught exceptions, e.g. %s", failures).isZero();
  }

  /** Whole example folders with a few mutated values each, diagnosed for every symptom; returns how many. */
  private int diagnoseMutatedSnapshots(Random rnd) throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    Diagnoser diagnoser = new Diagnoser(kb, RuleEngine.fromClasspath());
    List<Path> examples;
    try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
      examples = s.filter(p -> Files.isRegularFile(p.resolve("scenario.yaml"))).sorted().toList();
    }
    for (int n = 0; n < DIAGNOSED_SNAPSHOTS; n++) {
      Path example = examples.get(rnd.nextInt(examples.size()));
      Path folder = Files.createDirectories(dir.resolve("snap" + n));
      List<Path> files;
      try (Stream<Path> s = Files.list(example)) {
        files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      for (Path f : files) {
        byte[] bytes = Files.readAllBytes(f);
        Files.write(folder.resolve(f.getFileName()), rnd.nextInt(3) == 0 ? valueMutation(bytes, rnd) : bytes);
      }
      SnapshotReader reader = new SnapshotReader(folder);
      for (var lb : reader.loadBalancers()) {
        AzureFacts facts = reader.gather(lb.id(), Progress.none());
        for (var symptom : kb.symptoms()) {
          try {
            diagnoser.diagnose(facts, lb.id(), symptom.id(), null, List.of());
          } catch (RuntimeException e) {
            throw new AssertionError("diagnosis of " + symptom.id() + " failed on a mutation of " + example.getFileName() + ": " + e, e);
          }
        }
      }
    }
    return DIAGNOSED_SNAPSHOTS;
  }

  static byte[] mutate(byte[] original, Random rnd) {
    return switch (rnd.nextInt(10)) {
      case 0 -> truncate(original, rnd);
      case 1 -> invalidUtf8(original, rnd);
      case 2 -> deepNesting(rnd);
      case 3 -> hugeArray(original, rnd);
      default -> valueMutation(original, rnd);
    };
  }

  /** One to four tree edits: a value of the wrong type or an invalid value, a field removed, a child duplicated. */
  static byte[] valueMutation(byte[] original, Random rnd) {
    JsonNode root;
    try {
      root = JSON.readTree(original);
    } catch (IOException e) {
      return original;
    }
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits; e++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      if (containers.isEmpty()) {
        break;
      }
      JsonNode target = containers.get(rnd.nextInt(containers.size()));
      if (target instanceof ObjectNode o && o.size() > 0) {
        List<String> fields = new ArrayList<>();
        o.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(rnd.nextInt(fields.size()));
        switch (rnd.nextInt(5)) {
          case 0 -> o.remove(field);
          case 1 -> o.put(field, BAD_STRINGS.get(rnd.nextInt(BAD_STRINGS.size())));
          case 2 -> o.put(field, BAD_INTS.get(rnd.nextInt(BAD_INTS.size())));
          default -> o.set(field, wrongType(rnd));
        }
      } else if (target instanceof ArrayNode a && a.size() > 0) {
        int at = rnd.nextInt(a.size());
        switch (rnd.nextInt(3)) {
          case 0 -> a.remove(at);
          case 1 -> a.set(at, wrongType(rnd));
          default -> a.add(a.get(at).deepCopy());
        }
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException ex) {
      return original;
    }
  }

  private static JsonNode wrongType(Random rnd) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (rnd.nextInt(7)) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(rnd.nextBoolean());
      case 2 -> f.numberNode(BAD_INTS.get(rnd.nextInt(BAD_INTS.size())));
      case 3 -> f.textNode(BAD_STRINGS.get(rnd.nextInt(BAD_STRINGS.size())));
      case 4 -> f.arrayNode().add(BAD_STRINGS.get(rnd.nextInt(BAD_STRINGS.size())));
      case 5 -> f.objectNode().put("id", BAD_STRINGS.get(rnd.nextInt(BAD_STRINGS.size())));
      default -> f.numberNode(rnd.nextDouble() * 1e12);
    };
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  private static byte[] truncate(byte[] b, Random rnd) {
    return java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
  }

  private static byte[] invalidUtf8(byte[] b, Random rnd) {
    byte[] out = b.clone();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n && out.length > 0; i++) {
      out[rnd.nextInt(out.length)] = (byte) (0x80 + rnd.nextInt(0x80));
    }
    return out;
  }

  private static byte[] deepNesting(Random rnd) {
    int depth = 150 + rnd.nextInt(5_000);
    String open = rnd.nextBoolean() ? "[" : "{\"properties\":";
    String close = open.equals("[") ? "]" : "}";
    return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hugeArray(byte[] original, Random rnd) {
    try {
      JsonNode root = JSON.readTree(original);
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      for (JsonNode c : containers) {
        if (c instanceof ArrayNode a && a.size() > 0) {
          JsonNode one = a.get(0);
          int copies = Math.min(500 + rnd.nextInt(2_000), 400_000 / Math.max(1, JSON.writeValueAsBytes(one).length));
          for (int i = 0; i < copies; i++) {
            a.add(one);
          }
          return JSON.writeValueAsBytes(root);
        }
      }
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      int copies = Math.min(2_000, 400_000 / Math.max(1, original.length));
      for (int i = 0; i < copies; i++) {
        list.add(root);
      }
      return JSON.writeValueAsBytes(Map.of("value", list));
    } catch (IOException e) {
      return original;
    }
  }

  /** The examples' JSON, and the shared real payloads when present beside the repository. */
  static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : List.of(Path.of("..", "examples"), Path.of("..", "..", "shared", "azure-fixtures"), Path.of("/work/shared/azure-fixtures"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(out::add);
        }
      }
    }
    return out;
  }

  static void write(String name, String figures) throws IOException {
    System.out.println(figures);
    Path out = Path.of("target", "reliability", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures + System.lineSeparator());
  }
}
