package dev.lbtriage.bot.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code lb-triage} JVM ({@link TestMain} on the test class path) driven through its stdin
 * and stdout. Output is collected by a reader thread; {@link #await} waits for a text with a bounded
 * timeout (never a fixed sleep).
 */
final class Child implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  private final Process process;
  private final Writer stdin;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private int searchedUpTo;

  private Child(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    pump(process.getInputStream(), out);
    pump(process.getErrorStream(), err);
  }

  static Child start(Path workDir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), TestMain.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().remove("LB_TRIAGE_DB");
    pb.environment().put("NO_COLOR", "1");
    return new Child(pb.start());
  }

  /** Types a line. */
  Child type(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
    return this;
  }

  /** Ends stdin (as Ctrl-D would). */
  void endInput() throws IOException {
    stdin.close();
  }

  /** Waits until {@code text} appears in stdout after the previous match; returns the output up to it. */
  String await(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      int at;
      synchronized (out) {
        at = out.indexOf(text, searchedUpTo);
        if (at >= 0) {
          searchedUpTo = at + text.length();
          return out.substring(0, searchedUpTo);
        }
      }
      if (!process.isAlive() && out.indexOf(text, searchedUpTo) < 0) {
        throw new AssertionError("the process ended (exit " + process.exitValue() + ") before printing \"" + text + "\"\nstdout:\n"
            + out + "\nstderr:\n" + err);
      }
      synchronized (out) {
        out.wait(200);
      }
    }
    throw new AssertionError("no \"" + text + "\" within " + TIMEOUT + "\nstdout:\n" + out + "\nstderr:\n" + err);
  }

  /** Waits for the process to end; returns its exit code. */
  int exit() throws InterruptedException {
    if (!process.waitFor(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("still running after " + TIMEOUT + "\nstdout:\n" + out);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, nothing closed. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static void pump(InputStream in, StringBuffer into) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          String s = new String(buf, 0, n, StandardCharsets.UTF_8);
          synchronized (into) {
            into.append(s);
            into.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "child-output");
    t.setDaemon(true);
    t.start();
  }
}
