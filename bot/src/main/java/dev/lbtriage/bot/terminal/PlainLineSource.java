package dev.lbtriage.bot.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a stream that is not a terminal (a pipe, a file, a test). The prompt and the line read
 * are both written to the output, so a transcript reads like the conversation it was. A line is held
 * in memory only up to {@link LineSource#MAX_LINE} characters (see {@link #readLine}).
 */
public final class PlainLineSource implements LineSource {
  /** The longest part of a line echoed back. */
  static final int ECHO_MAX = 200;
  private final Reader in;
  private final PrintWriter out;
  private final int maxLine;
  private final char[] buf = new char[8192];
  private int pos;
  private int lim;
  private boolean eof;

  public PlainLineSource(InputStream in, PrintWriter out) {
    this(in, out, MAX_LINE);
  }

  PlainLineSource(InputStream in, PrintWriter out, int maxLine) {
    this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    this.out = out;
    this.maxLine = maxLine;
  }

  /**
   * The next line, read a buffer at a time and held only up to {@code maxLine} characters: the rest
   * of a longer line is counted and dropped as it streams by, so a 100 MB line costs no memory. Such
   * a line is refused here (its first characters echoed, one line saying why) and the next is read.
   */
  @Override
  public String readLine(String prompt) {
    while (true) {
      out.print(prompt);
      out.flush();
      StringBuilder line = new StringBuilder();
      long length = read(line);
      if (length < 0) {
        out.println();
        out.flush();
        return null;
      }
      if (length <= maxLine) {
        out.println(echo(line.toString()));
        out.flush();
        return line.toString();
      }
      out.println(echo(line.substring(0, Math.min(line.length(), ECHO_MAX)), length));
      out.println("That line is " + length + " characters long; I read lines of at most " + maxLine
          + " characters. Please describe it in a few sentences (paste logs into the support case instead).");
      out.flush();
    }
  }

  /** Reads one line into {@code kept} (at most {@code maxLine} characters); its full length, or -1 at the end of input. */
  private long read(StringBuilder kept) {
    long length = 0;
    boolean any = false;
    try {
      while (true) {
        if (pos == lim) {
          if (eof || (lim = in.read(buf, 0, buf.length)) < 0) {
            eof = true;
            lim = 0;
            pos = 0;
            return any ? stripCr(kept, length) : -1;
          }
          pos = 0;
        }
        any = true;
        int start = pos;
        while (pos < lim && buf[pos] != '\n') {
          pos++;
        }
        int n = pos - start;
        int room = maxLine + 1 - kept.length();
        if (room > 0) {
          kept.append(buf, start, Math.min(n, room));
        }
        length += n;
        if (pos < lim) {
          pos++; // the newline
          return stripCr(kept, length);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  private static long stripCr(StringBuilder kept, long length) {
    if (kept.length() > 0 && kept.length() == length && kept.charAt(kept.length() - 1) == '\r') {
      kept.setLength(kept.length() - 1);
      return length - 1;
    }
    return length;
  }

  /** What is echoed of a line: control characters shown as "?", and a long line cut (the engine refuses it anyway). */
  static String echo(String line) {
    return echo(line.length() > ECHO_MAX ? line.substring(0, ECHO_MAX) : line, line.length());
  }

  /** {@code shown} (at most {@link #ECHO_MAX} characters of a line of {@code length}), and how many more there were. */
  private static String echo(String shown, long length) {
    StringBuilder b = new StringBuilder(shown.length());
    shown.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) && c != '\t' || c == 0xFFFD ? '?' : c));
    if (length > shown.length()) {
      b.append("... (").append(length - shown.length()).append(" more characters)");
    }
    return b.toString();
  }

  @Override
  public boolean interactive() {
    return false;
  }

  @Override
  public void close() {
    // stdin belongs to the process
  }
}
