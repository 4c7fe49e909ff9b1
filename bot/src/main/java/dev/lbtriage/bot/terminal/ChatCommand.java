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
        SessionKey key = azure ? null : snapshot != null ? SessionKey.ofSnapshot(snapshot) : ExamplePicker.pick(io, out);
        if (key == null && !azure) {
          return 0;
        }
        ConversationEngine engine = Engines.over(source(azure ? null : key.folder()), insideNetwork);
        ChatLoop loop = new ChatLoop(engine, store, out, io.renderer(), Engines.user()).db(db);
        try {
          String id = Engines.newId();
          loop.show(engine.start(id, azure ? "terminal:" + id + ":azure" : key.format(id)));
          loop.run(io.in());
        } finally {
          loop.close();
        }
        return 0;
      }
    });
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
    if (azure || s.key() != null && s.key().endsWith(":azure")) {
      return resumeWith(Engines.over(azureOptions.openScoped(lb)), s, store, io, out);
    }
    Path folder = snapshot != null ? snapshot : SessionKey.parse(s.key()).map(SessionKey::folder)
        .orElseThrow(() -> new BadInputException("session " + s.id() + " was not started here; give --snapshot DIR to read its facts"));
    return resumeWith(Engines.over(folder, insideNetwork), s, store, io, out);
  }

  private int resumeWith(ConversationEngine engine, ConversationState s, JdbcSessionStore store, TerminalIo io, PrintWriter out) {
    ChatLoop loop = new ChatLoop(engine, store, out, io.renderer(), Engines.user()).db(db);
    try {
      loop.show(engine.resume(s, loop::print));
      loop.run(io.in());
    } finally {
      loop.close();
    }
    return 0;
  }
}
