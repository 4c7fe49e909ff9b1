package dev.lbtriage.rules.facts;

/**
 * Where a fact came from: its ARM id and the file (snapshot) or request (live Azure) it was read from.
 *
 * @param armId the resource's ARM id as Azure spelled it (may be null for facts with no id)
 * @param file the snapshot file, relative to the snapshot folder, or {@code azure:<operation>}
 */
public record Origin(String armId, String file) {
  @Override
  public String toString() {
    return armId == null ? file : armId + " (" + file + ")";
  }
}
