package dev.lbtriage.bot.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a stream that is not a terminal (a pipe, a file, a test). The prompt and the line read
 * are both written to the output, so a transcript reads like the conversation it was.
 */
public final class PlainLineSource implements LineSource {
  /** The longest part of a line echoed back. */
  static final int ECHO_MAX = 200;
  private final BufferedReader in;
  private final PrintWriter out;

  public PlainLineSource(InputStream in, PrintWriter out) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
  }

  @Override
  public String readLine(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      String line = in.readLine();
      out.println(line == null ? "" : echo(line));
      out.flush();
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  /** What is echoed of a line: control characters shown as "?", and a long line cut (the engine refuses it anyway). */
  static String echo(String line) {
    String shown = line.length() > ECHO_MAX ? line.substring(0, ECHO_MAX) : line;
    StringBuilder b = new StringBuilder(shown.length());
    shown.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) && c != '\t' || c == 0xFFFD ? '?' : c));
    if (line.length() > ECHO_MAX) {
      b.append("... (").append(line.length() - ECHO_MAX).append(" more characters)");
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
