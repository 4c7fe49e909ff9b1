package dev.lbtriage.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads {@code scenario.yaml} files of example folders. */
public final class ScenarioReader {
  public static final String FILE = "scenario.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ScenarioReader() {}

  /** Every folder under {@code examplesDir} holding a {@code scenario.yaml}, sorted by name. */
  public static List<Scenario> readAll(Path examplesDir) {
    try (Stream<Path> dirs = Files.list(examplesDir)) {
      List<Scenario> out = new ArrayList<>();
      for (Path d : dirs.sorted().toList()) {
        if (Files.isRegularFile(d.resolve(FILE))) {
          out.add(read(d));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list example scenarios in " + examplesDir, e);
    }
  }

  /** @throws IllegalArgumentException naming the file when it is malformed */
  public static Scenario read(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      JsonNode n = YAML.readTree(file.toFile());
      Map<String, String> answers = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.path("answers").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        answers.put(e.getKey(), e.getValue().asText());
      }
      List<Scenario.Expectation> expect = new ArrayList<>();
      for (JsonNode e : n.path("expect")) {
        expect.add(new Scenario.Expectation(required(e, "cause", file), required(e, "status", file)));
      }
      return new Scenario(folder.getFileName().toString(), folder, n.path("title").asText(""), required(n, "report", file),
          required(n, "symptom", file), required(n, "loadBalancer", file), answers, expect,
          n.path("expectNoConfirmed").asBoolean(false));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a readable scenario: " + e.getMessage(), e);
    }
  }

  private static String required(JsonNode n, String field, Path file) {
    JsonNode v = n.get(field);
    if (v == null || v.asText().isBlank()) {
      throw new IllegalArgumentException(file + ": missing field '" + field + "'");
    }
    return v.asText();
  }
}
