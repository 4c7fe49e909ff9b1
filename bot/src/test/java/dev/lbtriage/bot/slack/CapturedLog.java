package dev.lbtriage.bot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the process logs through the real {@code logback.xml} (its console appender writes to whatever
 * {@code System.err} is at the time) while open, with the root level set as asked, as an operator would see it.
 */
final class CapturedLog implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level originalLevel = root.getLevel();

  CapturedLog(Level level) {
    root.setLevel(level);
    System.setErr(new PrintStream(new Tee(bytes, original), true, StandardCharsets.UTF_8));
  }

  synchronized String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  List<String> lines() {
    return text().lines().toList();
  }

  @Override
  public void close() {
    System.setErr(original);
    root.setLevel(originalLevel);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) {
      synchronized (a) {
        try {
          a.write(x);
          b.write(x);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      synchronized (a) {
        try {
          a.write(buf, off, len);
          b.write(buf, off, len);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }
}
