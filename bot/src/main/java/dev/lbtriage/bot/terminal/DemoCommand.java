package dev.lbtriage.bot.terminal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.FormatOption;
import dev.lbtriage.bot.cli.Hints;
import dev.lbtriage.bot.cli.JsonOutput;
import dev.lbtriage.bot.cli.Output;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.runtime.Conversations;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lb-triage demo}: the chat on a bundled example. The scenario's report is typed as the
 * first line (echoed), then the user takes over; with {@code --auto} the scenario's answers are
 * typed too and the demo ends at the conclusion, with no input needed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {"Show a whole triage on a bundled example; no Azure account needed.",
        "The example's report is typed for you, then you go on; --auto types its answers too and ends at the conclusion. "
            + "Without --auto, when stdin is not a terminal and empty, it ends at the first question with a hint."})
public final class DemoCommand implements Callable<Integer> {
  private static final int MAX_AUTO_TURNS = 40;
  /** Builds the engine over an example's folder, at the first turn that needs it (a test swaps it to make a turn fail). */
  static java.util.function.Function<java.nio.file.Path, ConversationEngine> engineOver = Engines::over;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = BundledExamples.DEFAULT,
      description = "The example to play (default: ${DEFAULT-VALUE}; see --list).")
  String scenario;

  @Option(names = "--list", description = "List the bundled examples and exit (-o json|yaml|table|tsv for a program).")
  boolean list;

  @Mixin FormatOption format;

  @Option(names = "--auto", description = "Also type the scenario's answers and end at the conclusion (non-interactive).")
  boolean auto;

  @Option(names = "--db", paramLabel = "FILE_OR_JDBC_URL",
      description = "Session database: a file (its folder must exist) or a JDBC URL (default: $LB_TRIAGE_DB, else "
          + "sessions in $XDG_DATA_HOME/lb-triage or ~/.local/share/lb-triage; in memory if that cannot be opened).")
  String db;

  private boolean inMemory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return Guard.run("demo", out, err, () -> {
      if (list) {
        List<Scenario> all = BundledExamples.list();
        Output.print(out, format, () -> json(all), () -> rows(all), () -> {
          for (Scenario s : all) {
            out.printf("%-36s %-26s %s%n", s.name(), s.symptom(), s.title());
          }
        });
        return 0;
      }
      if (format.data()) {
        throw new BadInputException("-o " + format.format() + " applies to demo --list only; the demo itself is a conversation");
      }
      // the session store opens on a thread of its own while the example is read and the terminal set up (they were
      // one after the other before the greeting); the greeting waits for it, being saved before it is shown
      CompletableFuture<JdbcSessionStore> opening = CompletableFuture.supplyAsync(() -> store(err));
      JdbcSessionStore opened = null;
      Scenario sc;
      TerminalIo io;
      try {
        sc = BundledExamples.find(scenario).orElseThrow(() -> new BadInputException("there is no example \""
            + scenario + "\"; the examples: " + String.join(", ", BundledExamples.list().stream().map(Scenario::name).toList())));
        io = auto ? TerminalIo.output(out) : TerminalIo.open(TerminalIo.stdin(), out);
        opened = Engines.join(opening);
      } finally {
        if (opened == null) { // the demo does not start: close the store once it is open
          opening.whenComplete((s, e) -> {
            if (s != null) {
              s.close();
            }
          });
        }
      }
      try (JdbcSessionStore store = opened; LineSource in = io.in()) {
        java.nio.file.Path folder = sc.folder();
        // the greeting needs no engine: it is shown while the knowledge base and the rules finish loading
        Conversations runtime = Engines.conversations(() -> engineOver.apply(folder), store);
        String id = Engines.newId();
        ChatLoop loop = new ChatLoop(runtime, SessionKey.ofExample(sc.name()).format(id), out, io.renderer(), Engines.user()).db(db);
        try {
          out.println("Demo: " + sc.name() + " (" + sc.title() + ")");
          if (!loop.open(id)) {
            return 1;
          }
          if (!type(loop, out, sc.report()) && auto) {
            return stopped(err); // interactively the user may try again, as the error says
          }
          if (!auto && loop.state().stage() == Stage.CONFIRMING_SYMPTOM) {
            type(loop, out, sc.symptom()); // the matcher was not sure: pick the scenario's symptom, as its user would
          }
          if (auto) {
            if (!play(loop, out, sc)) {
              return stopped(err);
            }
            out.println();
            out.println(inMemory ? "Demo finished. Session " + id + " was kept in memory only (see the note above), so it cannot be resumed."
                : "Demo finished. Session " + id + " is saved; go on with: " + Hints.resume(id, db));
          } else {
            loop.run(in);
          }
        } finally {
          loop.close();
        }
        return 0;
      }
    });
  }

  /**
   * Types the scenario's answers until the conclusion (or a question it has no answer for: "I don't know"); false when
   * a turn failed (the error is shown; typing on would repeat it).
   */
  private static boolean play(ChatLoop loop, PrintWriter out, Scenario sc) {
    for (int i = 0; i < MAX_AUTO_TURNS; i++) {
      Stage stage = loop.state().stage();
      String line = switch (stage) {
        case CONFIRMING_SYMPTOM -> sc.symptom();
        case CHOOSING_LOAD_BALANCER -> sc.loadBalancer();
        case ASKING -> ConversationEngine.CONFIRM.equals(loop.state().asking()) ? "yes"
            : ConversationEngine.INSIDE.equals(loop.state().asking()) ? "no"
            : sc.answers().getOrDefault(loop.state().asking(), "I don't know");
        default -> null;
      };
      if (line == null) {
        return true;
      }
      if (!type(loop, out, line)) {
        return false;
      }
    }
    return true;
  }

  /** Ends --auto at a failed turn, saying so in one line on stderr (the error itself was shown once above). */
  private static int stopped(PrintWriter err) {
    err.println("lb-triage demo: stopped at the turn that failed (the error is above); typing the example's answers on would "
        + "only repeat it.");
    return 1;
  }

  private static boolean type(ChatLoop loop, PrintWriter out, String line) {
    out.println(ChatLoop.YOU + String.join("\n     ", Wrap.wrap(line, Wrap.WIDTH - ChatLoop.YOU.length())));
    out.flush();
    return loop.turn(line);
  }

  private JdbcSessionStore store(PrintWriter err) {
    try {
      return Engines.store(db);
    } catch (BadInputException e) {
      if (db != null) {
        throw e;
      }
      err.println("lb-triage demo: note: the session is kept in memory only (" + e.getMessage() + ")");
      err.flush();
      inMemory = true;
      return new JdbcSessionStore("jdbc:h2:mem:lb-triage-demo", Clock.systemUTC());
    }
  }

  private static ArrayNode json(List<Scenario> all) {
    ArrayNode a = JsonOutput.array();
    for (Scenario s : all) {
      a.addObject().put("name", s.name()).put("symptom", s.symptom()).put("title", s.title());
    }
    return a;
  }

  private static Output.Rows rows(List<Scenario> all) {
    Output.Rows r = Output.Rows.of("name", "symptom", "title");
    all.forEach(s -> r.add(s.name(), s.symptom(), s.title()));
    return r;
  }
}
