package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotFolderException;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the facts come from: {@code --snapshot DIR} or {@code --azure} (with the cloud, subscription
 * and credentials the Azure SDK finds, see engine/AZURE.md).
 */
public final class FactSourceOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--snapshot", paramLabel = "DIR", description = "Snapshot folder of az/ARM JSON (engine/SNAPSHOT-FORMAT.md).")
    Path snapshot;

    @Option(names = "--azure", description = "Read the load balancer live from Azure (read-only; az login or another Azure credential).")
    boolean azure;
  }

  @Mixin AzureOptions azureOptions;

  public boolean azure() {
    return choice.azure;
  }

  /**
   * Opens the source, seen through {@code -g/--resource-group} and {@code --subscription}; an unusable
   * snapshot folder or Azure setting is bad input with a one-line reason.
   */
  public FactSource open() {
    if (!choice.azure) {
      return ScopedFactSource.of(openSnapshot(choice.snapshot), azureOptions.resourceGroup(), null, azureOptions.subscription());
    }
    return azureOptions.openScoped(null);
  }

  /** A snapshot folder as a fact source; an unusable one is bad input naming it. */
  public static SnapshotReader openSnapshot(Path folder) {
    try {
      return new SnapshotReader(folder);
    } catch (SnapshotFolderException e) {
      throw new BadInputException("cannot use --snapshot: " + e.getMessage()
          + "; point --snapshot at a folder of az/ARM JSON files (how to capture one: engine/SNAPSHOT-FORMAT.md)", e);
    }
  }

  /** Progress on stderr, one line per step and a final count, so stdout stays clean for JSON. */
  static Progress progressTo(PrintWriter err) {
    return new Progress() {
      private String lastStep;

      @Override
      public void update(String step, int done, int total) {
        if (!step.equals(lastStep) || done == total) {
          err.printf(Locale.ROOT, "lb-triage: %s %d/%d%n", step, done, total);
          err.flush();
          lastStep = done == total ? null : step;
        }
      }
    };
  }
}
