package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.bundle.BundleZipWriter;
import java.nio.file.Path;

/** The folder a bundle zip unpacks to. */
final class BundleCommandTestNames {
  private BundleCommandTestNames() {}

  static String top(Path zip) {
    return BundleZipWriter.topFolder(zip);
  }
}
