package dev.lbtriage.engine.gather;

/** Reports how far a gather has got, e.g. {@code reading files 9/14}. */
@FunctionalInterface
public interface Progress {

  /**
   * @param step what is being done, e.g. {@code reading files}
   * @param done how many items are finished
   * @param total how many there are (0 when not known)
   */
  void update(String step, int done, int total);

  /** A progress sink that ignores everything. */
  static Progress none() {
    return (step, done, total) -> {};
  }
}
