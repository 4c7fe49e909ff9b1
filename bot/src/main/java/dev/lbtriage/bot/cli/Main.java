package dev.lbtriage.bot.cli;

import java.io.PrintWriter;
import dev.lbtriage.bot.slack.SlackCommand;
import dev.lbtriage.bot.app.SlackWiring;
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
    footer = {"", "Exit codes: 0 success, 2 bad input (one line on stderr), 1 a failure (Azure or Slack could not be reached, "
        + "or an unexpected error; one line on stderr, details in the log file); check exits 3 when attempts were lost.",
        "Put it on PATH: ln -s \"$PWD/lb-triage\" ~/.local/bin/lb-triage. Completion: source <(lb-triage completion bash)."},
    subcommands = {DemoCommand.class, ChatCommand.class, SessionsCommand.class, MatchCommand.class, DiagnoseCommand.class,
        ShowCommand.class, FlowCommand.class, CaptureCommand.class, CheckCommand.class, ScanCommand.class, BundleCommand.class,
        CompletionCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show debug logs on stderr (default: warnings, to the log file only).")
  void debug(boolean on) {
    if (on) {
      LogSetup.raise("debug");
    }
  }

  @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show info logs on stderr.")
  void verbose(boolean on) {
    if (on) {
      LogSetup.raise("info");
    }
  }

  @CommandLine.Option(names = "--no-color", scope = CommandLine.ScopeType.INHERIT,
      description = "No colours (also when NO_COLOR is set, or stdout is not a terminal).")
  void noColor(boolean on) {
    if (on) {
      dev.lbtriage.bot.terminal.Style.disable();
    }
  }

  public static void main(String[] args) {
    LogSetup.apply(System.getenv(), java.util.List.of(args));
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
    cli.addSubcommand("teams", new dev.lbtriage.bot.teams.TeamsCommand(() -> BundledExamples.find(BundledExamples.DEFAULT).orElseThrow().folder(), dev.lbtriage.bot.app.Engines::over, dev.lbtriage.bot.app.Engines::store));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // "@/etc/hostname" and "-5 VMs are down" are text a person typed, not a file to read or an option
    cli.setExpandAtFiles(false);
    cli.setUnmatchedOptionsAllowedAsOptionParameters(true);
    cli.setUsageHelpAutoWidth(true);
    // "-5 VMs are down" is a report, not an unknown option
    cli.getSubcommands().get("match").setUnmatchedOptionsArePositionalParams(true);
    cli.setParameterExceptionHandler(new BadInputHandler());
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
