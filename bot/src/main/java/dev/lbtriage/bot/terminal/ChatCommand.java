package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.cli.FactSourceOptions;

import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lb-triage chat}: the triage conversation in the terminal, saved turn by turn. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {"Triage in a conversation: describe the problem, answer the questions, get the cause and the fix.",
        "Every turn is saved; --resume goes on where a session stopped. Say \"help\" in the chat for its commands.",
        "Reads lines from stdin when it is not a terminal (for scripts)."})
public final class ChatCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--snapshot", paramLabel = "DIR",
      description = "Snapshot folder to read the facts from. Without it, pick one of the bundled example scenarios.")
  Path snapshot;

  @Option(names = "--azure",
      description = "Read the facts live from Azure (read-only; the credential az login or the environment gives, AZURE_SUBSCRIPTION_ID).")
  boolean azure;

  @Option(names = "--resume", paramLabel = "ID", arity = "0..1", fallbackValue = Sessions.LATEST,
      description = "Go on with a saved session: the given id, or the latest one.")
  String resume;

  @Option(names = "--inside-network",
      description = {"This machine is inside the load balancer's virtual network (or a peered one): offer \"Check from here\" "
          + "on a snapshot at once (without it, the chat asks before the first check)."})
  boolean insideNetwork;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Session database (default: $LB_TRIAGE_DB, else an H2 file in the user's data folder).")
  String db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return Guard.run("chat", out, spec.commandLine().getErr(), () -> {
      TerminalIo io = TerminalIo.open(System.in, out);
      try (JdbcSessionStore store = Engines.store(db); LineSource in = io.in()) {
        if (resume != null) {
          return resume(store, io, out);
        }
        if (azure && snapshot != null) {
          throw new BadInputException("--snapshot and --azure exclude each other: pick one");
        }
        SessionKey key = azure ? null : snapshot != null ? SessionKey.ofSnapshot(snapshot) : ExamplePicker.pick(io, out);
        if (key == null && !azure) {
          return 0;
        }
        ConversationEngine engine = azure ? Engines.over(FactSourceOptions.azureFromEnvironment()) : Engines.over(key.folder(), insideNetwork);
        ChatLoop loop = new ChatLoop(engine, store, out, io.renderer(), Engines.user());
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

  private int resume(JdbcSessionStore store, TerminalIo io, PrintWriter out) {
    ConversationState s = Sessions.find(store, resume);
    if (azure || s.key() != null && s.key().endsWith(":azure")) {
      return resumeWith(Engines.over(FactSourceOptions.azureFromEnvironment()), s, store, io, out);
    }
    Path folder = snapshot != null ? snapshot : SessionKey.parse(s.key()).map(SessionKey::folder)
        .orElseThrow(() -> new BadInputException("session " + s.id() + " was not started here; give --snapshot DIR to read its facts"));
    return resumeWith(Engines.over(folder, insideNetwork), s, store, io, out);
  }

  private int resumeWith(ConversationEngine engine, ConversationState s, JdbcSessionStore store, TerminalIo io, PrintWriter out) {
    ChatLoop loop = new ChatLoop(engine, store, out, io.renderer(), Engines.user());
    try {
      loop.show(engine.resume(s, loop::print));
      loop.run(io.in());
    } finally {
      loop.close();
    }
    return 0;
  }
}
