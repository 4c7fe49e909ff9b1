package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The snapshot reader's parsers and topology resolution for resources that do not come one file
 * each: rows of Azure Resource Graph pages (a fleet scan, {@code dev.lbtriage.engine.gather.graph}).
 * Each {@link #add} reads resources exactly as a snapshot file's content is read (same parsers,
 * same validation, same problems); {@link #resolve} follows one load balancer as
 * {@link SnapshotReader#gather} does. Not thread-safe while adding; resolving only reads.
 */
public final class ResourceSet {

  private final SnapshotIndex index = new SnapshotIndex();
  private final SnapshotLimits limits;
  private final SafeJson json;

  public ResourceSet() {
    this(SnapshotLimits.DEFAULT);
  }

  public ResourceSet(SnapshotLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.json = new SafeJson(limits);
  }

  /**
   * Reads resources as a snapshot file's content: one resource, an ARM list {@code {"value":[...]}}
   * or a JSON array of either. Problems name {@code source} as their file.
   */
  public void add(JsonNode content, String source) {
    ProblemLog log = new ProblemLog(source, p -> -1);
    try {
      ResourceDispatcher.dispatch(new JsonCursor(content, "$", log), source, index);
    } catch (RuntimeException e) {
      log.error("$", "could not read these resources: " + e);
    }
    index.problems.addAll(log.problems());
  }

  /** A problem of the input that is not a resource's (an unreadable page, an unknown file shape). */
  public void problem(String source, String jsonPath, String message) {
    ProblemLog log = new ProblemLog(source, p -> -1);
    log.error(jsonPath, message);
    index.problems.addAll(log.problems());
  }

  /**
   * A file's JSON under the snapshot reader's limits (size, strict UTF-8, nesting, string length);
   * empty, with a problem recorded, when it cannot be read.
   */
  public Optional<JsonNode> readJson(Path path, String relative) {
    try {
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        problem(relative, "$", "file is " + size + " bytes, over the limit of " + limits.maxFileBytes() + "; skipped");
        return Optional.empty();
      }
      if (size == 0) {
        problem(relative, "$", "empty file");
        return Optional.empty();
      }
      JsonNode root = json.parse(SafeJson.decode(Files.readAllBytes(path)));
      if (root == null || root.isMissingNode()) {
        problem(relative, "$", "no JSON content");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (SafeJson.NotText e) {
      problem(relative, "$", "not a JSON text file: " + e.getMessage());
    } catch (JsonProcessingException e) {
      problem(relative, "$", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      problem(relative, "$", "cannot read the file: " + e);
    }
    return Optional.empty();
  }

  /** The load balancers read, in the order read (first copy of an id wins). */
  public List<LoadBalancer> loadBalancers() {
    return index.loadBalancers.all();
  }

  /** One load balancer's facts, followed through everything added, as a snapshot gather builds them. */
  public AzureFacts resolve(LoadBalancer lb) {
    return new TopologyResolver(index).resolve(lb);
  }

  public List<SnapshotProblem> problems() {
    return List.copyOf(index.problems);
  }
}
