package dev.lbtriage.bot.terminal;

/**
 * Where the user's lines come from: a JLine reader on a terminal, or a plain reader over piped
 * stdin (scripts and tests) giving the same conversation.
 */
public interface LineSource extends AutoCloseable {
  /**
   * The most characters of one line a source holds in memory; a longer line is refused by the
   * source itself (the conversation refuses anything over its own, smaller limit too).
   */
  int MAX_LINE = 16_384;

  /** Thrown by {@link #readLine} when the user cancels the line being typed (Ctrl-C). */
  final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  /**
   * The next line, shown after {@code prompt}; null at the end of input (Ctrl-D or end of the pipe).
   *
   * @throws Cancelled when the user pressed Ctrl-C while typing
   */
  String readLine(String prompt);

  /** True when a person types at a terminal (lines are echoed by the terminal itself). */
  boolean interactive();

  /**
   * While the returned handle is open, Ctrl-C runs {@code onCancel} instead of ending the process
   * (where the source can tell; a plain pipe cannot).
   */
  default AutoCloseable onInterrupt(Runnable onCancel) {
    return () -> { };
  }

  @Override
  void close();
}
