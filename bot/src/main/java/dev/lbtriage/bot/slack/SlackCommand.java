package dev.lbtriage.bot.slack;

import dev.lbtriage.bot.cli.BadInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lb-triage slack}: runs the Slack bot, in Socket Mode by default or as an HTTP endpoint with
 * {@code --http}. Register it with {@code new SlackCommand(snapshot -> conversations)} once the engine is behind
 * {@link TriageConversations}; the no-argument constructor answers that the engine is not connected.
 */
@Command(
    name = "slack",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Slack bot: mention it, use /lb-triage or the message shortcut, answer in the thread.",
      "Tokens come from SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (HTTP mode) and SLACK_APP_TOKEN (Socket Mode), or --token-file.",
      "SLACK_API_URL overrides the Web API base URL (default https://slack.com/api/)."
    })
public final class SlackCommand implements Callable<Integer> {

  @Option(names = "--http", description = "Serve Slack's HTTP requests on /slack/events instead of Socket Mode.")
  boolean http;

  @Option(names = "--port", defaultValue = "3000", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "HTTP address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--token-file", paramLabel = "FILE", description = "NAME=value lines with the tokens; must be chmod 600.")
  Path tokenFile;

  @Option(names = "--snapshot", paramLabel = "DIR", description = "Answer from a captured snapshot folder.")
  Path snapshot;

  @Option(names = "--azure", description = "Answer from live Azure (read-only; the credential DefaultAzureCredential finds, "
      + "AZURE_SUBSCRIPTION_ID). Without --snapshot or --azure the bot answers from a bundled example scenario.")
  boolean azure;

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "NAME", description = "Only this load balancer (name, RG/NAME or ARM id).")
  String lb;

  @Option(names = "--db", paramLabel = "FILE_OR_JDBC_URL", description = "Where conversations are kept: a file or a JDBC URL; "
      + "jdbc:postgresql://host/db for several replicas sharing one store (default: $LB_TRIAGE_DB, else the user's H2 file).")
  String db;

  @picocli.CommandLine.Mixin dev.lbtriage.bot.cli.AzureOptions azureOptions = new dev.lbtriage.bot.cli.AzureOptions();

  private final Function<Source, TriageConversations> conversations;

  /**
   * Where the bot's facts come from, as the command line said.
   *
   * @param snapshot the {@code --snapshot} folder, or null
   * @param azure {@code --azure}
   * @param azureOptions the Azure flags (subscription, resource group, tenant, cloud)
   * @param lb {@code -n/--lb}, or null
   * @param db {@code --db}, or null (then {@code $LB_TRIAGE_DB} or the default store)
   */
  public record Source(Path snapshot, boolean azure, dev.lbtriage.bot.cli.AzureOptions azureOptions, String lb, String db) {}
  private final Map<String, String> env;

  public SlackCommand() {
    this(snapshot -> new UnwiredConversations());
  }

  /** @param conversations makes the conversations, given where the facts come from */
  public SlackCommand(Function<Source, TriageConversations> conversations) {
    this(conversations, System.getenv());
  }

  SlackCommand(Function<Source, TriageConversations> conversations, Map<String, String> env) {
    this.conversations = conversations;
    this.env = env;
  }

  /** Where the bot's logs go, said once at start (a service's operator looks for them). */
  private static String logs() {
    java.nio.file.Path f = dev.lbtriage.bot.cli.LogSetup.file();
    return f == null ? "" : " (logs: " + f + "; --verbose or LB_TRIAGE_LOG=info also shows them here)";
  }

  @Override
  public Integer call() throws Exception {
    SlackTokens tokens;
    try {
      tokens = tokenFile != null ? SlackTokens.fromFile(tokenFile, env) : SlackTokens.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    String missing = tokens.missing(!http);
    if (!missing.isEmpty()) {
      throw new BadInputException("missing " + missing + " (set in the environment or in --token-file); see bot/SLACK.md");
    }
    if (snapshot != null && azure) {
      throw new BadInputException("--snapshot and --azure exclude each other: pick one");
    }
    if (snapshot != null && !snapshot.toFile().isDirectory()) {
      throw new BadInputException("--snapshot " + snapshot + " is not a folder");
    }
    SlackSettings settings =
        SlackSettings.of(tokens.botToken(), tokens.signingSecret() == null ? "" : tokens.signingSecret(), tokens.appToken())
            .withApiUrl(env.get("SLACK_API_URL"));
    SlackReach.check(settings);
    try (SlackBot bot = new SlackBot(settings, conversations.apply(new Source(snapshot, azure, azureOptions, lb, db)))) {
      if (http) {
        try (SlackServer server = new SlackServer(bot.app(), bind, port).start()) {
          System.err.println("lb-triage slack: listening on " + server.eventsUri() + logs());
          server.join();
        }
      } else {
        try (SocketModeRunner runner = new SocketModeRunner(bot.app(), tokens.appToken())) {
          System.err.println("lb-triage slack: connecting to Slack in Socket Mode" + logs());
          runner.run();
        }
      }
    }
    return 0;
  }
}
