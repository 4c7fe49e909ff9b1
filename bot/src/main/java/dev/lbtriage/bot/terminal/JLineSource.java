package dev.lbtriage.bot.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines typed at a real terminal through a JLine {@link LineReader}: line editing, history (kept in
 * {@code historyFile} when given), Ctrl-C cancels the line, Ctrl-D on an empty line leaves.
 */
public final class JLineSource implements LineSource {
  private final Terminal terminal;
  private final LineReader reader;

  public JLineSource(Path historyFile) {
    try {
      this.terminal = TerminalBuilder.builder().system(true).name("lb-triage").build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
    }
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("lb-triage");
    if (historyFile != null) {
      b.variable(LineReader.HISTORY_FILE, historyFile);
    }
    this.reader = b.build();
  }

  /** The terminal's width in columns, or 0 when unknown. */
  public int width() {
    return terminal.getWidth();
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      throw new Cancelled();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public AutoCloseable onInterrupt(Runnable onCancel) {
    Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, s -> onCancel.run());
    return () -> terminal.handle(Terminal.Signal.INT, before);
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // leaving anyway; the history is not worth an error
    }
  }
}
