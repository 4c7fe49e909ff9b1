package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.bot.cli.AzureOptions;
import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.FactSourceOptions;
import dev.lbtriage.bot.cli.LoadBalancerChoice;
import dev.lbtriage.bot.cli.ScopedFactSource;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lb-triage chat}: the triage conversation in the terminal, saved turn by turn. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {"Triage in a conversation: describe the problem, answer the questions, get the cause and the fix.",
        "Every turn is saved, and --resume goes on where a session stopped. Say \"help\" in the chat for its commands. "
            + "When stdin is not a terminal, lines are read from it (for scripts)."},
    footer = {"", "Examples:",
        "  lb-triage chat                                  # pick a bundled example",
        "  lb-triage chat --snapshot ./incident-42",
        "  lb-triage chat --azure -g rg-shop -n lb-shop --subscription SUB_ID",
        "  lb-triage chat --resume                         # the latest session"})
public final class ChatCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--snapshot", paramLabel = "DIR",
      description = "Snapshot folder to read the facts from. Without it (and without --azure), pick one of the bundled examples.")
  Path snapshot;

  @Option(names = "--azure",
      description = "Read the facts live from Azure (read-only; the credential az login or the environment gives).")
  boolean azure;

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "NAME", description = "Only this load balancer (name, RG/NAME or ARM id).")
  String lb;

  @Mixin AzureOptions azureOptions;

  @Option(names = "--resume", paramLabel = "ID", arity = "0..1", fallbackValue = Sessions.LATEST,
      description = "Go on with a saved session: the given id, or the latest one.")
  String resume;

  @Option(names = "--inside-network",
      description = {"This machine is inside the load balancer's virtual network (or a peered one): offer \"Check from here\" "
          + "on a snapshot at once (without it, the chat asks before the first check)."})
  boolean insideNetwork;

  @Option(names = "--db", paramLabel = "FILE_OR_JDBC_URL",
      description = "Session database: a file (its folder must exist) or a JDBC URL "
          + "(default: $LB_TRIAGE_DB, else sessions in $XDG_DATA_HOME/lb-triage or ~/.local/share/lb-triage).")
  String db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return Guard.run("chat", out, spec.commandLine().getErr(), () -> {
      if (azure && snapshot != null) {
        throw new BadInputException("--snapshot and --azure exclude each other: pick one");
      }
      if (!azure && azureOptions.anyAzureOnlyFlag()) {
        throw new BadInputException("--subscription, --tenant, --cloud, --arm-endpoint and --authority-host need --azure");
      }
      TerminalIo io = TerminalIo.open(TerminalIo.stdin(), out);
      try (JdbcSessionStore store = Engines.store(db); LineSource in = io.in()) {
        if (resume != null) {
          return resume(store, io, out);
        }
        SessionKey key = azure ? SessionKey.ofAzure() : snapshot != null ? SessionKey.ofSnapshot(snapshot) : ExamplePicker.pick(io, out);
        if (key == null) {
          return 0;
        }
        FactSource facts = source(azure ? null : key.folder());
        // the greeting needs no engine: it is shown while the knowledge base and the rules finish loading
        Conversations runtime = Engines.conversations(() -> Engines.over(facts, insideNetwork), store);
        String id = Engines.newId();
        return talk(new ChatLoop(runtime, key.format(id), out, io.renderer(), Engines.user()).db(db), loop -> loop.open(id), in);
      }
    });
  }

  /** Starts the conversation (a greeting, or the resumed question), then reads lines until the end; 1 when it could not start. */
  private static int talk(ChatLoop loop, java.util.function.Predicate<ChatLoop> begin, LineSource in) {
    try {
      if (!begin.test(loop)) {
        return 1;
      }
      loop.run(in);
      return 0;
    } finally {
      loop.close();
    }
  }

  /**
   * The facts, seen through -g, -n and --subscription; a source with no load balancer (an unparseable
   * lb.json, a filter nothing passes) is refused here, naming why, instead of asking "which load balancer?".
   */
  private FactSource source(Path folder) {
    FactSource s = folder == null ? azureOptions.openScoped(lb)
        : ScopedFactSource.of(FactSourceOptions.openSnapshot(folder), azureOptions.resourceGroup(), lb, azureOptions.subscription());
    if (s.loadBalancers().isEmpty()) {
      throw new BadInputException("nothing to triage: " + LoadBalancerChoice.noneIn(s));
    }
    return s;
  }

  private int resume(JdbcSessionStore store, TerminalIo io, PrintWriter out) {
    ConversationState s = Sessions.find(store, resume);
    boolean live = azure || SessionKey.parse(s.key()).map(SessionKey::azure).orElse(false);
    ConversationEngine engine;
    SessionKey source;
    if (live) {
      engine = Engines.over(azureOptions.openScoped(lb));
      source = SessionKey.ofAzure();
    } else {
      Path folder = snapshot != null ? snapshot : SessionKey.parse(s.key()).map(SessionKey::folder)
          .orElseThrow(() -> new BadInputException("session " + s.id() + " was not started here; give --snapshot DIR to read its facts"));
      engine = Engines.over(folder, insideNetwork);
      source = SessionKey.ofSnapshot(folder);
    }
    String key = Sessions.keyed(store, s, source);
    return talk(new ChatLoop(Engines.conversations(() -> engine, store), key, out, io.renderer(), Engines.user()).db(db),
        ChatLoop::resume, io.in());
  }
}
