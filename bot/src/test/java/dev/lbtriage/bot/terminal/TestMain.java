package dev.lbtriage.bot.terminal;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A stand-in for {@code dev.lbtriage.bot.cli.Main} with the terminal commands registered, for the
 * child-process tests (until Main registers them).
 */
@Command(name = "lb-triage", subcommands = {ChatCommand.class, DemoCommand.class, SessionsCommand.class})
public final class TestMain {
  public static void main(String[] args) {
    System.exit(cli().execute(args));
  }

  static CommandLine cli() {
    CommandLine cli = new CommandLine(new TestMain());
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("lb-triage: " + ex.getMessage());
      return 2;
    });
    return cli;
  }
}
