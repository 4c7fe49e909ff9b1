package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one snapshot file into the index: size check, strict UTF-8, safe parse, then by file name
 * ({@code *.effective-nsg.json}, {@code *.effective-routes.json}, {@code *.ip-flow-verify.json}) or by resource type. Every
 * failure becomes a problem of the file; nothing is thrown.
 */
final class SnapshotFileReader {

  private final SafeJson json;
  private final SnapshotLimits limits;

  SnapshotFileReader(SnapshotLimits limits) {
    this.limits = limits;
    this.json = new SafeJson(limits);
  }

  void read(Path path, String file, SnapshotIndex index) {
    String[] text = {null};
    ProblemLog log = new ProblemLog(file, p -> text[0] == null ? -1 : JsonLines.lineOf(json, text[0], p));
    try {
      readInto(path, file, index, log, text);
    } catch (RuntimeException e) {
      log.error("$", "could not read the file: " + e);
    }
    index.problems.addAll(log.problems());
  }

  private void readInto(Path path, String file, SnapshotIndex index, ProblemLog log, String[] text) {
    try {
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        log.error("$", "file is " + size + " bytes, over the limit of " + limits.maxFileBytes() + "; skipped");
        return;
      }
      if (size == 0) {
        log.error("$", "empty file");
        return;
      }
      text[0] = SafeJson.decode(Files.readAllBytes(path));
    } catch (SafeJson.NotText e) {
      log.error("$", "not a JSON text file: " + e.getMessage());
      return;
    } catch (IOException e) {
      log.error("$", "cannot read the file: " + e);
      return;
    }
    JsonNode root;
    try {
      root = json.parse(text[0]);
    } catch (JsonProcessingException e) {
      log.error("$", "not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
      return;
    } catch (IOException e) {
      log.error("$", "not valid JSON: " + e.getMessage());
      return;
    }
    if (root == null || root.isMissingNode()) {
      log.error("$", "no JSON content");
      return;
    }
    JsonCursor cursor = new JsonCursor(root, "$", log);
    String name = Path.of(file).getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(EffectiveNsgParser.SUFFIX)) {
      EffectiveNsgParser.parse(cursor, file, stem(name, EffectiveNsgParser.SUFFIX), index);
    } else if (lower.endsWith(FlowVerificationParser.SUFFIX)) {
      FlowVerificationParser.parse(cursor, file, index);
    } else if (lower.endsWith(EffectiveRoutesParser.SUFFIX)) {
      EffectiveRoutesParser.parse(cursor, file, stem(name, EffectiveRoutesParser.SUFFIX), index);
    } else {
      ResourceDispatcher.dispatch(cursor, file, index);
    }
  }

  private static String stem(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
