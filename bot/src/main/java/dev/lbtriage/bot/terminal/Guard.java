package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.cli.BadInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.lbtriage.bot.cli.FailureHandler;

/**
 * Runs a terminal command so that any failure is one clear line on stderr, never a stack trace:
 * bad input exits 2, anything else 1 (the trace goes to the debug log only).
 */
final class Guard {
  private Guard() {}

  static int run(String command, PrintWriter out, PrintWriter err, Callable<Integer> body) {
    try {
      return body.call();
    } catch (Exception e) {
      out.flush();
      err.println("lb-triage " + command + ": " + FailureHandler.lineFor(e));
      return e instanceof BadInputException ? 2 : 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
