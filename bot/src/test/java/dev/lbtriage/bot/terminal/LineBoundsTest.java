package dev.lbtriage.bot.terminal;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/**
 * Input lines are bounded before they are held in memory (issue 19): a 100 MB piped line is counted
 * as it streams by, never read whole, and echoed back only as a short prefix. Measured by what the
 * reading thread allocates (a 100 MB line read whole would allocate at least 200 MB of chars), not by time.
 */
class LineBoundsTest {
  static final long HUNDRED_MB = 100L * 1024 * 1024;

  /** {@code length} bytes of 'a', a newline, then {@code after}; generated as read, never held. */
  static InputStream hugeLineThen(long length, String after) {
    byte[] tail = ("\n" + after).getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      long at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long total = length + tail.length;
        if (at >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - at);
        for (int i = 0; i < n; i++, at++) {
          b[off + i] = at < length ? (byte) 'a' : tail[(int) (at - length)];
        }
        return n;
      }
    };
  }

  static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @Test
  void a_100_mb_piped_line_is_never_held_whole_and_is_echoed_as_a_short_prefix() {
    StringWriter shown = new StringWriter();
    PlainLineSource source = new PlainLineSource(hugeLineThen(HUNDRED_MB, "the probe is down\n"), new PrintWriter(shown));
    long before = allocatedByThisThread();
    String line = source.readLine("you> ");
    long allocated = allocatedByThisThread() - before;
    assertThat(line).isEqualTo("the probe is down");
    assertThat(allocated).as("bytes allocated while reading past a 100 MB line").isLessThan(16L * 1024 * 1024);
    String out = shown.toString();
    assertThat(out.length()).isLessThan(1_500);
    assertThat(out).contains("(" + (HUNDRED_MB - PlainLineSource.ECHO_MAX) + " more characters)")
        .contains("That line is " + HUNDRED_MB + " characters long; I read lines of at most " + LineSource.MAX_LINE);
    assertThat(source.readLine("you> ")).isNull();
  }

  @Test
  void lines_up_to_the_limit_come_through_whole_with_crlf_and_a_last_line_without_newline() {
    String atLimit = "b".repeat(LineSource.MAX_LINE);
    StringWriter shown = new StringWriter();
    PlainLineSource source = new PlainLineSource(new ByteArrayInputStream(("yes\r\n\n" + atLimit + "\nlast").getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(shown));
    assertThat(source.readLine("> ")).isEqualTo("yes");
    assertThat(source.readLine("> ")).isEmpty();
    assertThat(source.readLine("> ")).isEqualTo(atLimit);
    assertThat(source.readLine("> ")).isEqualTo("last");
    assertThat(source.readLine("> ")).isNull();
  }

  @Test
  void a_terminal_line_keeps_at_most_the_limit_and_an_over_long_one_is_refused() throws Exception {
    int limit = 100;
    byte[] typed = ("x".repeat(5_000) + "\rhello\r").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    // a pipe kept open, as a terminal is (JLine treats the end of a stream as the terminal closing)
    java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
    java.io.PipedInputStream in = new java.io.PipedInputStream(keys, 1 << 16);
    keys.write(typed);
    keys.flush();
    try (Terminal t = TerminalBuilder.builder().system(false).streams(in, screen).type("dumb").build()) {
      JLineSource source = new JLineSource(t, null, limit);
      assertThat(source.readLine("you> ")).isEqualTo("hello");
      // what the reader held of the refused line (JLine keeps each accepted buffer in its history): the first 100
      assertThat(source.history()).first().isEqualTo("x".repeat(limit));
      // what the reader printed reaches the screen through the terminal's own output pump (a thread copying from
      // its pty): wait for it there, before closing the terminal, rather than assume it has arrived
      // (the dumb terminal also echoes every key it gets; that echo is the terminal's, not a line held)
      eventually(() -> assertThat(screen.toString(StandardCharsets.UTF_8)).contains("That line is longer than 100 characters"));
    }
  }
}
