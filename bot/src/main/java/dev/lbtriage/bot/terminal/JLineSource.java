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
  private final int maxLine;
  private boolean overLong;

  public JLineSource(Path historyFile) {
    this(systemTerminal(), historyFile, MAX_LINE);
  }

  /**
   * A reader on {@code terminal} that holds at most {@code maxLine} characters of a line: bracketed
   * paste is off (it would read a whole paste into memory first), so every character, typed or
   * pasted, goes through self-insert, which drops what comes beyond the limit; such a line is then
   * refused with one line saying why, and the next one is read.
   */
  JLineSource(Terminal terminal, Path historyFile, int maxLine) {
    this.terminal = terminal;
    this.maxLine = maxLine;
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("lb-triage")
        .option(LineReader.Option.BRACKETED_PASTE, false);
    if (historyFile != null) {
      b.variable(LineReader.HISTORY_FILE, historyFile);
    }
    this.reader = b.build();
    reader.getWidgets().put(LineReader.SELF_INSERT, () -> {
      if (reader.getBuffer().length() >= maxLine) {
        overLong = true;
        return true;
      }
      reader.callWidget("." + LineReader.SELF_INSERT);
      return true;
    });
  }

  private static Terminal systemTerminal() {
    try {
      return TerminalBuilder.builder().system(true).name("lb-triage").build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
    }
  }

  /** The lines the reader kept, oldest first (for tests: what it held of each). */
  java.util.List<String> history() {
    java.util.List<String> out = new java.util.ArrayList<>();
    reader.getHistory().forEach(e -> out.add(e.line()));
    return out;
  }

  /** The terminal's width in columns, or 0 when unknown. */
  public int width() {
    return terminal.getWidth();
  }

  @Override
  public String readLine(String prompt) {
    try {
      while (true) {
        overLong = false;
        String line = reader.readLine(prompt);
        if (!overLong) {
          return line;
        }
        terminal.writer().println("That line is longer than " + maxLine + " characters, the most I read; the rest was"
            + " dropped as it came. Please describe it in a few sentences (paste logs into the support case instead).");
        terminal.writer().flush();
      }
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
