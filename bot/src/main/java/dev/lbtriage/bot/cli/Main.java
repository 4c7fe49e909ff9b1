package dev.lbtriage.bot.cli;

import java.io.PrintWriter;
import dev.lbtriage.bot.slack.SlackCommand;
import dev.lbtriage.bot.slack.SlackWiring;
import dev.lbtriage.bot.terminal.BundledExamples;
import dev.lbtriage.bot.terminal.ChatCommand;
import dev.lbtriage.bot.terminal.DemoCommand;
import dev.lbtriage.bot.terminal.SessionsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lb-triage} command line. Sub-commands are registered here explicitly, not discovered.
 *
 * <p>Exit codes: 0 success, 2 bad input (a one-line reason on stderr), 1 an unexpected failure;
 * {@code check} exits 3 when attempts were lost.
 */
@Command(
    name = "lb-triage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Triage an Azure Load Balancer incident: from a symptom to a diagnosis, the fix and a support-case bundle.",
    subcommands = {DemoCommand.class, ChatCommand.class, SessionsCommand.class, MatchCommand.class, DiagnoseCommand.class,
        ShowCommand.class, FlowCommand.class, CaptureCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    LogSetup.apply(System.getenv());
    System.exit(run(args));
  }

  /** Runs the command line without exiting the JVM; used by tests. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** Runs the command line with its output and error streams redirected; used by tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = newCommandLine();
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.addSubcommand("slack", new SlackCommand(SlackWiring.conversations(
        () -> BundledExamples.find(BundledExamples.DEFAULT).orElseThrow().folder())));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(new BadInputHandler());
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
