package dev.lbtriage.bot.teams;

import dev.lbtriage.bot.cli.AzureOptions;
import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.FactSourceOptions;
import dev.lbtriage.bot.cli.LoadBalancerChoice;
import dev.lbtriage.bot.cli.ScopedFactSource;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.session.SessionStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lb-triage teams}: the Teams bot's endpoint ({@code POST /api/messages}), with the same fact sources as the
 * other faces. The bot's identity comes from the environment ({@link TeamsSettings}); without {@code
 * MicrosoftAppId} it runs in development mode (no authentication, loopback only, said loudly).
 */
@Command(
    name = "teams",
    mixinStandardHelpOptions = true,
    subcommands = TeamsPackageCommand.class,
    description = {
      "Run the Microsoft Teams bot: the Azure Bot's messaging endpoint, POST /api/messages (bot/TEAMS.md).",
      "Identity from the environment: MicrosoftAppId, MicrosoftAppTenantId, and MicrosoftAppPassword or "
          + "MicrosoftAppCertificatePath (or MicrosoftAppType=UserAssignedMSI).",
      "Without MicrosoftAppId: development mode (no authentication, loopback only) for the Microsoft 365 Agents Playground."
    })
public final class TeamsCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "3978", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; "
      + "put a TLS reverse proxy or dev tunnel in front).")
  String bind;

  @Option(names = "--snapshot", paramLabel = "DIR", description = "Answer from a captured snapshot folder.")
  Path snapshot;

  @Option(names = "--azure", description = "Answer from live Azure (read-only). Without --snapshot or --azure the bot "
      + "answers from a bundled example scenario.")
  boolean azure;

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "NAME", description = "Only this load balancer (name, RG/NAME or ARM id).")
  String lb;

  @Option(names = "--db", paramLabel = "URL|FILE", description = "Where conversations are kept (default: LB_TRIAGE_DB or the user's data folder).")
  String db;

  @Option(names = "--openid-metadata", paramLabel = "URL", defaultValue = "https://login.botframework.com/v1/.well-known/openidconfiguration",
      description = "Where the Bot Framework's signing keys are published (default: ${DEFAULT-VALUE}).")
  URI openIdMetadata;

  @Mixin AzureOptions azureOptions = new AzureOptions();

  private final Supplier<Path> example;
  private final Function<FactSource, ConversationEngine> engines;
  private final Function<String, ? extends SessionStore> stores;
  private final Map<String, String> env;

  /** Picocli's (for help only): no engine behind it. */
  public TeamsCommand() {
    this(() -> {
      throw new BadInputException("this lb-triage was built without its examples; use --snapshot DIR");
    }, s -> {
      throw new BadInputException("the triage engine is not connected to this Teams command");
    }, d -> {
      throw new BadInputException("no session store");
    });
  }

  /**
   * @param example the bundled example used when neither --snapshot nor --azure is given
   * @param engines the conversation engine over a fact source
   * @param stores the session store at a {@code --db} value (null for the default)
   */
  public TeamsCommand(Supplier<Path> example, Function<FactSource, ConversationEngine> engines,
      Function<String, ? extends SessionStore> stores) {
    this(example, engines, stores, System.getenv());
  }

  TeamsCommand(Supplier<Path> example, Function<FactSource, ConversationEngine> engines,
      Function<String, ? extends SessionStore> stores, Map<String, String> env) {
    this.example = example;
    this.engines = engines;
    this.stores = stores;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    TeamsSettings settings = TeamsSettings.fromEnvironment(env, openIdMetadata);
    String problem = settings.problem();
    if (!problem.isEmpty()) {
      throw new BadInputException(problem + "; see bot/TEAMS.md");
    }
    if (!Loopback.acceptableUrl(openIdMetadata)) {
      throw new BadInputException("--openid-metadata must be an https URL (http only on loopback): " + openIdMetadata);
    }
    if (settings.developmentMode() && !Loopback.isLoopbackHost(bind)) {
      throw new BadInputException("no " + TeamsSettings.APP_ID + " is set, so this is development mode, which listens on "
          + "loopback only: drop --bind " + bind + " or set the bot's identity (bot/TEAMS.md)");
    }
    if (snapshot != null && azure) {
      throw new BadInputException("--snapshot and --azure exclude each other: pick one");
    }
    FactSource facts = azure ? azureOptions.openScoped(lb)
        : ScopedFactSource.of(FactSourceOptions.openSnapshot(snapshot != null ? snapshot : example.get()),
            azureOptions.resourceGroup(), lb, azureOptions.subscription());
    if (facts.loadBalancers().isEmpty()) {
      throw new BadInputException("nothing to triage: " + LoadBalancerChoice.noneIn(facts));
    }
    try (EngineTeamsConversations conversations = new EngineTeamsConversations(engines.apply(facts), stores.apply(db));
        TeamsEndpoint endpoint = TeamsEndpoint.of(settings, conversations, bind, port).start()) {
      if (settings.developmentMode()) {
        System.err.println(DEV_WARNING);
      }
      System.err.println("lb-triage teams: listening on " + endpoint.messagesUri()
          + (settings.developmentMode() ? " (development mode)" : " for app " + settings.appId()));
      endpoint.join();
    }
    return 0;
  }

  static final String DEV_WARNING = String.join("\n",
      "************************************************************************",
      "*  lb-triage teams: DEVELOPMENT MODE - NO AUTHENTICATION                *",
      "*  MicrosoftAppId is not set, so activities are NOT checked and replies *",
      "*  carry no token. Listening on loopback only, for the Microsoft 365    *",
      "*  Agents Playground. Never expose this port.                          *",
      "************************************************************************");
}
