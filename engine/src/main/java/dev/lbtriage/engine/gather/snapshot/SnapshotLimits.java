package dev.lbtriage.engine.gather.snapshot;

/**
 * Limits applied to every snapshot file, which is untrusted input.
 *
 * @param maxFileBytes larger files are skipped with an error (also Jackson's max document length)
 * @param maxNestingDepth deeper JSON is rejected
 * @param maxStringLength longer JSON strings are rejected
 */
public record SnapshotLimits(long maxFileBytes, int maxNestingDepth, int maxStringLength) {

  public static final SnapshotLimits DEFAULT = new SnapshotLimits(64L * 1024 * 1024, 200, 5_000_000);

  public SnapshotLimits {
    if (maxFileBytes <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
