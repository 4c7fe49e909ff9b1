package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.snapshot.SnapshotFolderException;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --snapshot DIR}: the snapshot folder to read (see engine/SNAPSHOT-FORMAT.md). */
public final class SnapshotOption {

  @Option(
      names = "--snapshot",
      paramLabel = "DIR",
      required = true,
      description = "Snapshot folder: the JSON files captured with az or ARM (lb.json, NICs, VMs, NSGs, ...).")
  Path folder;

  /** Opens the folder; an unusable one is bad input with a one-line reason naming the path. */
  public SnapshotReader open() {
    try {
      return new SnapshotReader(folder);
    } catch (SnapshotFolderException e) {
      throw new BadInputException("cannot use --snapshot: " + e.getMessage()
          + "; point --snapshot at a folder of az/ARM JSON files (how to capture one: engine/SNAPSHOT-FORMAT.md)", e);
    }
  }

  public Path folder() {
    return folder;
  }
}
