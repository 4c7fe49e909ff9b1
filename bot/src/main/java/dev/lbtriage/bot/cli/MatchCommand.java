package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.MatchResult;
import dev.lbtriage.kb.match.SymptomMatch;
import dev.lbtriage.kb.match.SymptomMatcher;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lb-triage match "TEXT"}: the entry points a person's report points to, best first. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Rank the symptoms lb-triage knows against a free-text report.",
    footer = {"", "Example:", "  lb-triage match \"the backend VMs show unhealthy in the health probe status\"",
        "  lb-triage match --format json \"nsg blocks 168.63.129.16\""})
final class MatchCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "TEXT",
      description = "The report, in your own words (quote it, or pass several words; text starting with - or @ is text too).")
  List<String> words;

  @Mixin FormatOption format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String text = String.join(" ", words);
    MatchResult result = new SymptomMatcher(KnowledgeBaseLoader.loadBundled()).assess(text);
    PrintWriter out = spec.commandLine().getOut();
    // the global --debug (inherited from Main) also shows what drove the choice: words, nearest known reports, error codes
    picocli.CommandLine.Model.OptionSpec debugOption = spec.findOption("--debug");
    boolean debug = debugOption != null && Boolean.TRUE.equals(debugOption.getValue());
    Output.print(out, format, () -> json(result), () -> rows(result), () -> text(out, result, debug));
    return Main.EXIT_OK;
  }

  private static ObjectNode json(MatchResult result) {
    ObjectNode root = JsonOutput.object();
    ArrayNode matches = root.putArray("matches");
    for (SymptomMatch m : result.matches()) {
      ObjectNode o = matches.addObject();
      o.put("symptom", m.symptomId());
      o.put("score", round(m.score()));
      o.put("title", m.title());
    }
    root.put("verdict", verdict(result));
    root.set("outOfScope", JsonOutput.strings(result.outOfScopeHits().stream().sorted().toList()));
    result.outOfScopeTopic().ifPresent(t -> root.put("outOfScopeTopic", t.id()).put("pointer", t.pointer()));
    ObjectNode why = root.putObject("explanation").put("summary", result.explanation().summary());
    ArrayNode words = why.putArray("words");
    result.explanation().words().forEach(w -> words.addObject().put("term", w.term()).put("share", round(w.share())));
    ArrayNode near = why.putArray("examples");
    result.explanation().examples().forEach(e -> near.addObject().put("id", e.exampleId()).put("label", e.label())
        .put("weight", round(e.weight())).put("source", e.source()));
    why.set("errorCodes", JsonOutput.strings(result.explanation().errorCodes()));
    ArrayNode signals = why.putArray("signals");
    result.explanation().signals().forEach(g -> signals.addObject().put("feature", g.feature()).put("label", g.label())
        .put("weight", round(g.weight())));
    return root;
  }

  private static Output.Rows rows(MatchResult result) {
    Output.Rows r = Output.Rows.of("symptom", "score", "verdict", "title");
    for (SymptomMatch m : result.matches()) {
      r.add(m.symptomId(), String.format(Locale.ROOT, "%.2f", m.score()), verdict(result), m.title());
    }
    return r;
  }

  private static void text(PrintWriter out, MatchResult result, boolean debug) {
    if (result.nothingMatched()) {
      out.println("Nothing matched: this does not look like a symptom lb-triage knows"
          + (result.outOfScopeHits().isEmpty() ? "" : " (it mentions " + String.join(", ", result.outOfScopeHits()) + ")") + ".");
      out.println("lb-triage covers: health probes failing, healthy backends not answering on the data port,"
          + " a locked backend port with a VM scale set, and traffic left after removing VMs from a pool.");
      result.outOfScopePointer().ifPresent(out::println);
    } else {
      out.println(result.confident() ? "Best match:" : "Not sure; the closest matches:");
    }
    for (SymptomMatch m : result.matches()) {
      out.printf(Locale.ROOT, "  %.2f  %-26s %s%n", m.score(), m.symptomId(), m.title());
    }
    if (debug) {
      out.println("Why: " + result.explanation().summary());
      if (!result.explanation().words().isEmpty()) {
        out.println("Words (share of the best symptom's word score):");
        result.explanation().words().forEach(w -> out.printf(Locale.ROOT, "  %.2f  %s%n", w.share(), w.term()));
      }
      out.println("Nearest known reports (share of the vote):");
      result.explanation().examples().stream().limit(5).forEach(e -> out.printf(Locale.ROOT, "  %.2f  %-12s %-26s %s%n",
          e.weight(), e.exampleId(), e.label(), e.source()));
      if (!result.explanation().signals().isEmpty()) {
        out.println("Second stage (push on the log-odds of the answer):");
        result.explanation().signals().forEach(g -> out.printf(Locale.ROOT, "  %+.2f  %-28s %s%n", g.weight(), g.feature(), g.label()));
      }
    }
    out.flush();
  }

  static String verdict(MatchResult r) {
    return r.nothingMatched() ? "nothing-matched" : r.confident() ? "confident" : "ambiguous";
  }

  static double round(double score) {
    return Math.round(score * 1000.0) / 1000.0;
  }
}
