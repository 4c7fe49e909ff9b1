package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.azure.ArmReadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr: bad input exits 2, anything else 1
 * (with the stack trace in the log file, never on the user's screen); a failed Azure read says so,
 * and a refused token says how to sign in.
 */
public final class FailureHandler implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    cmd.getOut().flush();
    String line = lineFor(ex);
    cmd.getErr().println("lb-triage " + cmd.getCommandName() + ": " + line);
    cmd.getErr().flush();
    return ex instanceof BadInputException ? Main.EXIT_BAD_INPUT : Main.EXIT_FAILURE;
  }

  /** The one line for a failure; logs the details (to the log file at the default level). */
  public static String lineFor(Throwable ex) {
    if (ex instanceof BadInputException) {
      return ProblemText.oneLine(ex.getMessage());
    }
    if (ex instanceof ReportedFailure) {
      LOG.warn("{}", ex.getMessage(), ex.getCause());
      return ex.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
    if (ex instanceof ArmReadException arm) {
      LOG.warn("Azure read failed", ex);
      if (arm.status() == 401) {
        return "not signed in to Azure: " + AzureLogin.WHAT_TO_DO + LogSetup.detailsHint();
      }
      return "cannot read from Azure: " + ProblemText.oneLine(ex.getMessage()) + LogSetup.detailsHint();
    }
    LOG.error("command failed", ex);
    return "unexpected failure: " + ProblemText.oneLine(String.valueOf(ex)) + LogSetup.detailsHint();
  }
}
