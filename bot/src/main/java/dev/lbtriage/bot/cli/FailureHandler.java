package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.azure.ArmReadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr: bad input exits 2, anything else 1
 * (with the stack trace in the log, never on the user's screen); a failed Azure read says so.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (ex instanceof BadInputException) {
      cmd.getErr().println("lb-triage " + cmd.getCommandName() + ": " + ex.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    if (ex instanceof ArmReadException) {
      LOG.debug("Azure read failed", ex);
      cmd.getErr().println("lb-triage " + cmd.getCommandName() + ": cannot read from Azure: "
          + ProblemReport.oneLine(ex.getMessage()));
      return Main.EXIT_FAILURE;
    }
    LOG.debug("command failed", ex);
    cmd.getErr().println("lb-triage " + cmd.getCommandName() + ": unexpected failure: " + ex
        + " (run again with LB_TRIAGE_LOG=debug for details)");
    return Main.EXIT_FAILURE;
  }
}
