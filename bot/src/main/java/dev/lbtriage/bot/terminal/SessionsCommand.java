package dev.lbtriage.bot.terminal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.bot.cli.FormatOption;
import dev.lbtriage.bot.cli.JsonOutput;
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
    description = "List the saved triage sessions (newest first); go on with one: lb-triage chat --resume ID.")
public final class SessionsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FormatOption format;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Session database (default: $LB_TRIAGE_DB, else an H2 file in the user's data folder).")
  String db;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N sessions (default: ${DEFAULT-VALUE}).")
  int limit;

  /** One listed session: the summary and the question it waits on. */
  record Row(SessionSummary s, String asking) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return Guard.run("sessions", out, spec.commandLine().getErr(), () -> {
      List<Row> rows = new ArrayList<>();
      try (JdbcSessionStore store = Engines.store(db)) {
        for (SessionSummary s : store.list(limit)) {
          rows.add(new Row(s, store.load(s.id()).map(ConversationState::asking).orElse(null)));
        }
      }
      if (format.json()) {
        JsonOutput.print(out, json(rows));
      } else {
        text(out, rows);
      }
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

  private static void text(PrintWriter out, List<Row> rows) {
    if (rows.isEmpty()) {
      out.println("No saved sessions. Start one with: lb-triage chat (or lb-triage demo)");
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
    out.println("Go on with one: lb-triage chat --resume ID");
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
