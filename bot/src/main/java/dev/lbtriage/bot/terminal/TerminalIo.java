package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.session.DataLocation;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input and the renderer for a command: JLine with history and colour when this process runs
 * on a terminal, a plain reader and plain text when piped.
 */
record TerminalIo(LineSource in, TerminalRenderer renderer) {

  static TerminalIo open(InputStream stdin, PrintWriter out) {
    if (System.console() == null) {
      return new TerminalIo(new PlainLineSource(stdin, out), TerminalRenderer.plain());
    }
    JLineSource jline = new JLineSource(historyFile());
    int width = jline.width() >= 40 ? Math.min(jline.width() - 2, Wrap.WIDTH) : Wrap.WIDTH;
    return new TerminalIo(jline, new TerminalRenderer(Style.detect(), true, width));
  }

  /** Output only (nothing is read): colour when stdout is a terminal. */
  static TerminalIo output(PrintWriter out) {
    boolean tty = System.console() != null;
    TerminalRenderer r = tty ? new TerminalRenderer(Style.detect(), true, Wrap.WIDTH) : TerminalRenderer.plain();
    return new TerminalIo(new PlainLineSource(java.io.InputStream.nullInputStream(), out), r);
  }

  /**
   * Standard input, or an empty stream when it was closed: the JVM then reuses descriptor 0 for one
   * of its own files (its modules image, the jar), and reading that would feed binary to the chat.
   */
  static InputStream stdin() {
    return stdinClosed() ? InputStream.nullInputStream() : System.in;
  }

  static boolean stdinClosed() {
    Path fd0 = Path.of("/proc/self/fd/0");
    if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
      return false;
    }
    try {
      Path target = Files.readSymbolicLink(fd0);
      if (!target.isAbsolute() || !Files.isRegularFile(target)) {
        return false;
      }
      Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
      if (target.toRealPath().startsWith(javaHome)) {
        return true;
      }
      for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
        if (!entry.isBlank() && Files.exists(Path.of(entry)) && Files.isSameFile(Path.of(entry), target)) {
          return true;
        }
      }
      return false;
    } catch (java.nio.file.NoSuchFileException e) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static Path historyFile() {
    try {
      Path dir = DataLocation.currentDataDir();
      Files.createDirectories(dir);
      return dir.resolve("chat-history");
    } catch (Exception e) {
      return null;
    }
  }
}
