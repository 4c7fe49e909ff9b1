package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.MatchResult;
import dev.lbtriage.kb.match.SymptomMatch;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage diagnose}: one diagnosis of one load balancer, with evidence, fixes and open questions. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {"Diagnose one load balancer for one symptom, in one go.",
        "Each cause is confirmed, suspected or ruled out with its evidence; then the questions still open, and the fix "
            + "with az commands filled in."},
    footer = {"", "Examples:",
        "  lb-triage diagnose --snapshot examples/nsg-deny-all-nic --symptom \"backends unhealthy in the probe status\"",
        "  lb-triage diagnose --snapshot DIR --lb lb-web --symptom-id probe-down --answer probe-port-listening=no",
        "  lb-triage diagnose --azure --lb my-rg/my-lb --symptom-id data-port-down --answer client-ip=203.0.113.7 --format json",
        "", "Exit codes: 0 a diagnosis, 2 bad input (one line on stderr), 1 Azure could not be read (not signed in, no "
            + "permission, network) or an unexpected failure (one line on stderr, details in the log file)."})
final class DiagnoseCommand implements Callable<Integer> {
  @Mixin FactSourceOptions source;

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "NAME",
      description = "Load balancer: name, RG/NAME or ARM id (needed when the source has several).")
  String lb;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SymptomChoice symptom;

  static final class SymptomChoice {
    @Option(names = "--symptom", paramLabel = "TEXT", description = "What you see, in your own words.")
    String text;

    @Option(names = "--symptom-id", paramLabel = "ID", description = "A symptom id of the knowledge base, e.g. probe-down (an unknown id is refused with the list).")
    String id;
  }

  @Option(names = "--answer", paramLabel = "QUESTION=VALUE", description = "An answer to a question, e.g. probe-port-listening=no or client-ip=10.0.1.5 (repeatable).")
  List<String> answers = new ArrayList<>();

  @Option(names = "--live-check", description = "Also try a TCP connect (3 attempts, 2 s timeout) from this machine to each "
      + "backend's probe and backend ports, and let the rules use the results. Only this load balancer's backends; useful inside the VNet.")
  boolean liveCheck;

  @Option(names = "--bundle", paramLabel = "FILE.zip", description = "Also write a support-case bundle of this diagnosis "
      + "(see lb-triage bundle --help; --redact is there).")
  java.nio.file.Path bundle;

  @Option(names = "--tried", paramLabel = "TEXT", description = "With --bundle: remediation already tried, e.g. \"opened port 80 in "
      + "nsg-web at 14:05, still failing\" (repeatable); SUMMARY.md lists it.")
  java.util.List<String> tried = new java.util.ArrayList<>();

  @Mixin FormatOption format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!tried.isEmpty() && bundle == null) {
      throw new BadInputException("--tried goes with --bundle FILE.zip (it is written into the bundle's SUMMARY.md)");
    }
    java.util.List<dev.lbtriage.engine.conversation.RemediationTried> triedNow = BundleFiles.tried(tried);
    if (bundle != null) {
      BundleFiles.checkOut(bundle, "--bundle");
    }
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    Chosen chosen = chooseSymptom(kb, err);
    List<Answer> parsed = List.copyOf(AnswerArguments.parse(answers, kb).values());
    FactSource facts = source.open();
    String lbName = LoadBalancerChoice.choose(facts, lb);
    AzureFacts gathered;
    try {
      gathered = facts.gather(lbName, FactSourceOptions.progressTo(err));
    } catch (IllegalArgumentException e) {
      List<dev.lbtriage.rules.facts.SnapshotProblem> errors = LoadBalancerChoice.errors(facts);
      throw new BadInputException(errors.isEmpty() ? e.getMessage() : e.getMessage() + "; " + LoadBalancerChoice.noneIn(facts), e);
    }
    if (!format.data()) {
      ProblemReport.warn(err, gathered.problems());
    }
    String lbId = LoadBalancerChoice.idIn(gathered, lbName);
    if (gathered.loadBalancer(lbId).isEmpty()) {
      throw new BadInputException("no load balancer '" + lbName + "' could be read from " + facts.describe()
          + (LoadBalancerChoice.errors(facts).isEmpty() ? "" : "; " + LoadBalancerChoice.noneIn(facts)));
    }
    List<dev.lbtriage.rules.diagnosis.LiveCheck> checks = liveCheck ? BackendChecks.run(gathered, lbId, err) : List.of();
    chosen = settledByFacts(chosen, kb, gathered, lbId, err);
    Diagnosis d = new Diagnoser(kb, RuleEngine.fromClasspath()).diagnose(gathered, lbId, chosen.id(), chosen.score(), parsed, checks);
    Output.print(out, format, () -> d, () -> rows(d), () -> {
      // the same message model every face renders (the conversation's conclusion, details, questions, support case)
      out.print(dev.lbtriage.bot.terminal.TerminalRenderer.plain().render(
          dev.lbtriage.engine.conversation.DiagnosisMessage.of(d, "Answer them with --answer ID=VALUE.",
              "add --bundle FILE.zip to this command")));
      out.flush();
    });
    if (bundle != null) {
      BundleFiles.afterDiagnose(source, gathered, lbId, d, symptom.text, parsed, triedNow, bundle, err);
    }
    return Main.EXIT_OK;
  }

  /** One row per cause: the compact view to paste into an incident channel. */
  static Output.Rows rows(Diagnosis d) {
    Output.Rows r = Output.Rows.of("symptom", "loadBalancer", "status", "cause", "evidence");
    String lb = d.loadBalancer() == null ? "" : dev.lbtriage.rules.facts.ArmId.name(d.loadBalancer());
    // the headline first: confirmed, then suspected, then ruled out (the order within each as the KB lists them)
    java.util.List<String> order = java.util.List.of("confirmed", "suspected", "ruled-out");
    for (Diagnosis.CauseFinding f : d.findings().stream()
        .sorted(java.util.Comparator.comparingInt((Diagnosis.CauseFinding x) -> order.indexOf(x.status()) < 0 ? 9 : order.indexOf(x.status())))
        .toList()) {
      r.add(d.symptom() == null ? "" : d.symptom().id(), lb, f.status(), f.cause(),
          f.evidence().isEmpty() ? "" : ProblemText.shorten(f.evidence().get(0), 160)
              + (f.evidence().size() > 1 ? " (+" + (f.evidence().size() - 1) + " more)" : ""));
    }
    return r;
  }

  /**
   * @param uncertainProbeOrData the words were not sure and their best two (or only) candidates are
   *     probe-down / data-port-down: Health Probe Status decides, as in the conversation
   * @param leansToProbe probe-down ranked strictly first
   */
  private record Chosen(String id, Double score, boolean uncertainProbeOrData, boolean leansToProbe) {
    Chosen(String id, Double score) {
      this(id, score, false, false);
    }
  }

  private static Chosen settledByFacts(Chosen chosen, KnowledgeBase kb, dev.lbtriage.rules.facts.AzureFacts facts, String lbId,
      PrintWriter err) {
    if (!chosen.uncertainProbeOrData()) {
      return chosen;
    }
    return dev.lbtriage.engine.conversation.ProbeHealthVerdict.of(kb, facts, lbId).map(d -> {
      String id = dev.lbtriage.engine.conversation.ProbeHealthVerdict.settle(d, chosen.leansToProbe());
      if (!id.equals(chosen.id())) {
        err.println("lb-triage: note: Health Probe Status decides the symptom, " + id + ": " + String.join("; ", d.evidence()));
      }
      return new Chosen(id, chosen.score());
    }).orElse(chosen);
  }

  private Chosen chooseSymptom(KnowledgeBase kb, PrintWriter err) {
    if (symptom.id != null) {
      if (kb.symptom(symptom.id).isEmpty()) {
        throw new BadInputException("unknown --symptom-id '" + symptom.id + "'; known: "
            + kb.symptoms().stream().map(Symptom::id).collect(Collectors.joining(", ")));
      }
      return new Chosen(symptom.id, null);
    }
    MatchResult r = new SymptomMatcher(kb).assess(symptom.text);
    SymptomMatch best = r.best().filter(m -> !r.nothingMatched()).orElseThrow(() -> new BadInputException(
        "--symptom matched nothing lb-triage knows; rephrase it, or pick one with --symptom-id ("
            + kb.symptoms().stream().map(Symptom::id).collect(Collectors.joining(", ")) + ")"));
    if (!r.confident()) {
      err.println("lb-triage: note: not sure which symptom this is; diagnosing the closest, " + best.symptomId()
          + " (score " + MatchCommand.round(best.score()) + "); others: "
          + r.matches().stream().skip(1).map(m -> m.symptomId() + " " + MatchCommand.round(m.score())).collect(Collectors.joining(", "))
          + ". Use --symptom-id to choose.");
    }
    List<String> top = r.matches().stream().limit(2).map(SymptomMatch::symptomId).toList();
    java.util.Optional<dev.lbtriage.engine.conversation.ProbeHealthVerdict.Pair> pair =
        dev.lbtriage.engine.conversation.ProbeHealthVerdict.Pair.of(kb);
    boolean probeOrData = !r.confident() && !top.isEmpty() && pair.isPresent() && pair.get().containsAll(top);
    boolean leansToProbe = pair.isPresent() && best.symptomId().equals(pair.get().failing())
        && (r.matches().size() < 2 || r.matches().get(1).score() < best.score());
    return new Chosen(best.symptomId(), MatchCommand.round(best.score()), probeOrData, leansToProbe);
  }
}
