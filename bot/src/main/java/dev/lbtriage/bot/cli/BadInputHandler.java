package dev.lbtriage.bot.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A mistyped command line is bad input: one line saying what is wrong and how to get help, exit 2. */
final class BadInputHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("lb-triage: " + ex.getMessage() + " (try: " + cmd.getCommandSpec().qualifiedName() + " --help)");
    return Main.EXIT_BAD_INPUT;
  }
}
