package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.app.Engines;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.bot.cli.FormatOption;
import dev.lbtriage.bot.cli.Hints;
import dev.lbtriage.bot.cli.JsonOutput;
import dev.lbtriage.bot.cli.Output;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.session.JdbcSessionStore;
import dev.lbtriage.engine.session.SessionSummary;
import dev.lbtriage.rules.facts.ArmId;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lb-triage sessions}: the saved conversations, newest first. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
    description = {"List the saved triage sessions, newest first.", "Go on with one: lb-triage chat --resume ID; "
        + "delete one: lb-triage sessions delete ID."},
    subcommands = SessionsCommand.Delete.class)
public final class SessionsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FormatOption format;

  static final String DB_HELP = "Session database: a file (its folder must exist) or a JDBC URL "
      + "(default: $LB_TRIAGE_DB, else sessions in $XDG_DATA_HOME/lb-triage or ~/.local/share/lb-triage).";

  @Option(names = "--db", paramLabel = "FILE_OR_JDBC_URL", description = DB_HELP)
  String db;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N sessions; 0 for all (default: ${DEFAULT-VALUE}).")
  int limit;

  /** {@code lb-triage sessions delete ID...}. */
  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete saved sessions by id.")
  static final class Delete implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "ID", description = "The session ids (see lb-triage sessions).")
    List<String> ids;

    @Option(names = "--db", paramLabel = "FILE_OR_JDBC_URL", description = DB_HELP)
    String db;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return Guard.run("sessions delete", out, spec.commandLine().getErr(), () -> {
        List<String> unknown = new ArrayList<>();
        try (JdbcSessionStore store = Engines.store(db)) {
          for (String id : ids) {
            if (store.delete(id.strip())) {
              out.println("Deleted session " + id.strip() + ".");
            } else {
              unknown.add(id.strip());
            }
          }
        }
        if (!unknown.isEmpty()) {
          throw new dev.lbtriage.bot.cli.BadInputException("there is no saved session " + String.join(", ", unknown)
              + "; list them with: " + Hints.command() + " sessions" + (db == null ? "" : " --db " + dev.lbtriage.engine.session.DataLocation.printable(db)));
        }
        return 0;
      });
    }
  }

  /** One listed session: the summary and the question it waits on. */
  record Row(SessionSummary s, String asking) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return Guard.run("sessions", out, spec.commandLine().getErr(), () -> {
      if (limit < 0) {
        throw new dev.lbtriage.bot.cli.BadInputException("--limit " + limit + " is negative; give N > 0, or 0 for all sessions");
      }
      List<Row> rows = new ArrayList<>();
      try (JdbcSessionStore store = Engines.store(db)) {
        for (SessionSummary s : store.list(limit)) {
          rows.add(new Row(s, store.load(s.id()).map(ConversationState::asking).orElse(null)));
        }
      }
      Output.print(out, format, () -> json(rows), () -> rows(rows), () -> text(out, rows, db));
      return 0;
    });
  }

  private static ArrayNode json(List<Row> rows) {
    ArrayNode a = JsonOutput.array();
    for (Row r : rows) {
      ObjectNode o = a.addObject();
      o.put("id", r.s().id());
      o.put("started", r.s().created().toString());
      o.put("updated", r.s().updated().toString());
      o.put("stage", r.s().stage().name());
      o.put("symptom", r.s().symptomId());
      o.put("loadBalancer", r.s().loadBalancer());
      o.put("lastQuestion", r.asking());
      o.put("turns", r.s().turn());
      o.put("report", r.s().report());
    }
    return a;
  }

  private static Output.Rows rows(List<Row> rows) {
    Output.Rows r = Output.Rows.of("id", "started", "updated", "stage", "symptom", "loadBalancer", "lastQuestion");
    for (Row row : rows) {
      SessionSummary s = row.s();
      r.add(s.id(), s.created(), s.updated(), s.stage().name().toLowerCase(java.util.Locale.ROOT), s.symptomId(),
          s.loadBalancer() == null ? null : ArmId.name(s.loadBalancer()), row.asking());
    }
    return r;
  }

  private static void text(PrintWriter out, List<Row> rows, String db) {
    String cmd = Hints.command();
    if (rows.isEmpty()) {
      out.println("No saved sessions. Start one with: " + cmd + " chat (or " + cmd + " demo)");
      return;
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"ID", "STARTED (UTC)", "UPDATED (UTC)", "STAGE", "SYMPTOM", "LOAD BALANCER", "LAST QUESTION"});
    for (Row r : rows) {
      SessionSummary s = r.s();
      cells.add(new String[] {s.id(), time(s.created()), time(s.updated()), s.stage().name().toLowerCase(java.util.Locale.ROOT),
          dash(s.symptomId()), s.loadBalancer() == null ? "-" : ArmId.name(s.loadBalancer()), dash(r.asking())});
    }
    int[] w = new int[cells.get(0).length];
    for (String[] c : cells) {
      for (int i = 0; i < c.length; i++) {
        w[i] = Math.max(w[i], c[i].length());
      }
    }
    for (String[] c : cells) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < c.length; i++) {
        b.append(i == c.length - 1 ? c[i] : String.format("%-" + (w[i] + 2) + "s", c[i]));
      }
      out.println(b.toString().stripTrailing());
    }
    out.println();
    out.println("Go on with one: " + Hints.resume(rows.get(0).s().id(), db));
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
