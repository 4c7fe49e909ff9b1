package dev.lbtriage.engine.gather.snapshot;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The test snapshots under {@code src/test/resources/snapshots}. */
final class Snapshots {

  private Snapshots() {}

  static Path folder(String scenario) {
    URL url = Snapshots.class.getResource("/snapshots/" + scenario);
    if (url == null) {
      throw new IllegalStateException("no test snapshot " + scenario);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SnapshotReader reader(String scenario) {
    return new SnapshotReader(folder(scenario));
  }
}
