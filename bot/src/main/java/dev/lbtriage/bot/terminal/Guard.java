package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.cli.BadInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a terminal command so that any failure is one clear line on stderr, never a stack trace:
 * bad input exits 2, anything else 1 (the trace goes to the debug log only).
 */
final class Guard {
  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

  private Guard() {}

  static int run(String command, PrintWriter out, PrintWriter err, Callable<Integer> body) {
    try {
      return body.call();
    } catch (BadInputException e) {
      out.flush();
      err.println("lb-triage " + command + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      LOG.debug("{} failed", command, e);
      out.flush();
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      err.println("lb-triage " + command + ": " + msg.lines().findFirst().orElse(msg)
          + " (run again with LB_TRIAGE_LOG=debug for details)");
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
