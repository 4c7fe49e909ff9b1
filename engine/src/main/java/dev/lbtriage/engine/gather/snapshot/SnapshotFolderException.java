package dev.lbtriage.engine.gather.snapshot;

import java.nio.file.Path;

/** The snapshot folder itself is unusable: missing, not a folder, unreadable, or without JSON files. */
public final class SnapshotFolderException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Path folder;

  public SnapshotFolderException(Path folder, String message) {
    super(message + ": " + folder.toAbsolutePath());
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }
}
