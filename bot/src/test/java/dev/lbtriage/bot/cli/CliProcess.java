package dev.lbtriage.bot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code lb-triage} ({@link Main}) as a child JVM on the test class path, with its own
 * environment (HOME, XDG_DATA_HOME, LB_TRIAGE_DB ...) and standard input, the way a shell starts it.
 */
public final class CliProcess {
  static final long TIMEOUT_SECONDS = 120;
  /** Standard input closed, as the shell's {@code <&-} leaves it. */
  static final byte[] CLOSED = null;

  public record Result(int exit, String out, String err) {
    /** The stderr lines that are not progress notes. */
    public List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private CliProcess() {}

  /**
   * @param env variables to set; a null value removes one
   * @param stdin what standard input holds; null closes it (the shell's {@code <&-})
   */
  public static Result run(Path workDir, Map<String, String> env, byte[] stdin, String... args) {
    try {
      List<String> cmd = new ArrayList<>();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> jvm = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          Main.class.getName());
      if (stdin == null) {
        // exec with descriptor 0 closed: the JVM then reuses it for a file of its own
        StringBuilder line = new StringBuilder("exec");
        for (String a : jvm) {
          line.append(' ').append(quote(a));
        }
        for (String a : args) {
          line.append(' ').append(quote(a));
        }
        cmd.addAll(List.of("/bin/sh", "-c", line + " <&-"));
      } else {
        cmd.addAll(jvm);
        cmd.addAll(List.of(args));
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
      pb.environment().remove("LB_TRIAGE_DB");
      pb.environment().remove("LB_TRIAGE_LOG");
      pb.environment().remove("LB_TRIAGE_COMMAND");
      pb.environment().put("NO_COLOR", "1");
      env.forEach((k, v) -> {
        if (v == null) {
          pb.environment().remove(k);
        } else {
          pb.environment().put(k, v);
        }
      });
      Process p = pb.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (stdin != null) {
        try (var in = p.getOutputStream()) {
          in.write(stdin);
        } catch (IOException e) {
          // the process may have ended before reading it all
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s: " + List.of(args) + "\nstdout:\n"
            + out.getNow("") + "\nstderr:\n" + err.getNow(""));
      }
      return new Result(p.exitValue(), out.get(), err.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Result run(Path workDir, Map<String, String> env, String... args) {
    return run(workDir, env, new byte[0], args);
  }

  /** A fresh HOME and XDG_DATA_HOME under {@code tmp}, so nothing of this machine's user is read or written. */
  public static Map<String, String> freshHome(Path tmp) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path data = Files.createDirectories(tmp.resolve("data"));
    return new java.util.HashMap<>(Map.of("HOME", home.toString(), "XDG_DATA_HOME", data.toString()));
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
