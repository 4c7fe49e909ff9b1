package dev.lbtriage.engine.gather.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of saved Resource Graph results, for {@code scan --snapshot DIR}: every {@code *.json}
 * under it (recursively, sorted by relative path), each read with the snapshot reader's limits and
 * holding one of:
 * <ul>
 *   <li>a query response body ({@code {"totalRecords", "count", "data", "$skipToken"?, ...}}, what
 *       {@code az rest --method post --url .../providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01} prints,
 *       and also {@code az graph query}'s output, which has {@code data} too);</li>
 *   <li>a REST example ({@code {"parameters", "responses": {"200": {"body": response}}}});</li>
 *   <li>a JSON array of those (the pages of one query).</li>
 * </ul>
 * {@code data} is an array of rows or a table. A file of another shape is a problem, never fatal.
 */
public final class GraphSnapshotReader {

  private GraphSnapshotReader() {}

  /** @throws SnapshotFolderException when the folder is missing, not a folder, or has no JSON file */
  public static FleetFacts read(Path folder, Progress progress) {
    if (!Files.isDirectory(folder)) {
      throw new SnapshotFolderException(folder, Files.exists(folder) ? "Resource Graph results path is not a folder" : "Resource Graph results folder does not exist");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder, 16)) {
      files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
          .sorted((a, b) -> folder.relativize(a).toString().compareTo(folder.relativize(b).toString())).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SnapshotFolderException(folder, "cannot list the Resource Graph results folder (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw new SnapshotFolderException(folder, "Resource Graph results folder has no *.json files");
    }
    FleetFacts facts = new FleetFacts();
    int done = 0;
    for (Path f : files) {
      progress.update("reading Resource Graph results", done, files.size());
      String rel = folder.relativize(f).toString();
      facts.resources().readJson(f, rel).ifPresent(root -> response(root, rel, facts, 0));
      done++;
    }
    progress.update("reading Resource Graph results", done, files.size());
    return facts;
  }

  private static void response(JsonNode root, String file, FleetFacts facts, int depth) {
    if (root.isArray() && depth == 0) {
      for (JsonNode page : root) {
        response(page, file, facts, 1);
      }
      return;
    }
    if (root.isObject() && root.has("data")) {
      facts.addData(root.get("data"), file);
      return;
    }
    JsonNode body = root.path("responses").path("200").path("body");
    if (body.isObject() && body.has("data")) {
      facts.addData(body.get("data"), file);
      return;
    }
    facts.resources().problem(file, "$", "not a Resource Graph response: expected an object with \"data\" (a query response),"
        + " a REST example with responses.200.body, or an array of responses");
  }
}
