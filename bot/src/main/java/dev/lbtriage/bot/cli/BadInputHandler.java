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
    String qualified = cmd.getCommandSpec().qualifiedName();
    String help = Hints.command() + qualified.substring(qualified.indexOf(' ') < 0 ? qualified.length() : qualified.indexOf(' '));
    err.println("lb-triage: " + ProblemText.oneLine(ex.getMessage()) + " (try: " + help + " --help)");
    return Main.EXIT_BAD_INPUT;
  }
}
