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

  private static Path historyFile() {
    try {
      Path dir = DataLocation.dataDir(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
      Files.createDirectories(dir);
      return dir.resolve("chat-history");
    } catch (Exception e) {
      return null;
    }
  }
}
