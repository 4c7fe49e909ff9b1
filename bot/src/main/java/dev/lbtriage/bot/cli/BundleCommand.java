package dev.lbtriage.bot.cli;

import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.engine.bundle.Bundle;
import dev.lbtriage.engine.bundle.BundleRequest;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.ProbeHealthVerdict;
import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.SessionDiagnosis;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.azure.LiveRead;
import dev.lbtriage.engine.session.JdbcSessionStore;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage bundle}: everything a support engineer asks for, as one zip, before the ticket is filed. */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description = {"Make a support-case bundle: one zip to attach to an Azure support request.",
        "SUMMARY.md (the symptom in your words, the load balancer, each cause with its evidence, the answers, the checks, the "
            + "support request's fields ready to paste), CAPTURE-PLAN.md (PsPing and simultaneous traces with the real addresses "
            + "and ports), the path picture with the failing hop marked, metrics charts, facts.json (every fact and its source) "
            + "and snapshot/ (the ARM JSON read: diagnose --snapshot replays it). Secrets are never written; --redact masks ids, "
            + "public IPs, user names and free text."},
    footer = {"", "Examples:",
        "  lb-triage bundle --snapshot examples/nsg-deny-all-nic --symptom-id probe-down --out lb-web-case.zip",
        "  lb-triage bundle --snapshot ./incident-42 --session 3f1c2a9e-... --out case.zip --redact",
        "  lb-triage bundle --snapshot ./incident-42 --symptom-id probe-down --tried \"opened port 80 in nsg-web at 14:05, still failing\" --out case.zip",
        "  lb-triage bundle --azure --lb my-rg/my-lb --symptom \"backends unhealthy\" --answer vm-responds=no --out case.zip -o json",
        "  unzip case.zip && lb-triage diagnose --snapshot case/snapshot --symptom-id probe-down",
        "", "Exit codes: 0 written, 2 bad input (one line on stderr), 1 Azure could not be read or an unexpected failure."})
final class BundleCommand implements Callable<Integer> {

  @Mixin FactSourceOptions source;

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "NAME",
      description = "Load balancer: name, RG/NAME or ARM id (needed when the source has several; default with --session: the session's).")
  String lb;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  DiagnoseCommand.SymptomChoice symptom;

  @Option(names = "--answer", paramLabel = "QUESTION=VALUE", description = "An answer to a question, e.g. vm-responds=no (repeatable).")
  List<String> answers = new ArrayList<>();

  @Option(names = "--session", paramLabel = "ID", description = "Bundle a saved conversation (see lb-triage sessions): its report, "
      + "answers (who, when) and checks.")
  String session;

  @Option(names = "--tried", paramLabel = "TEXT", description = "Remediation already tried, e.g. \"opened port 80 in nsg-web at 14:05, "
      + "still failing\" (repeatable); SUMMARY.md lists it after what the --session recorded.")
  List<String> tried = new ArrayList<>();

  @Option(names = "--db", paramLabel = "FILE_OR_JDBC_URL", description = "Session database for --session (as lb-triage sessions --db).")
  String db;

  @Option(names = "--out", paramLabel = "FILE.zip", required = true, description = "The zip to write (never overwritten).")
  Path out;

  @Option(names = "--redact", description = "Mask subscription and tenant ids, public IPs, user names and free text in every file, "
      + "one mask per value; MASKED.md lists what was masked.")
  boolean redact;

  @Mixin FormatOption format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BundleFiles.checkOut(out, "--out");
    List<dev.lbtriage.engine.conversation.RemediationTried> triedNow = BundleFiles.tried(tried);
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    Diagnoser diagnoser = new Diagnoser(kb, RuleEngine.fromClasspath());
    ConversationState state = session == null ? null : loadSession();
    if (state != null && symptom != null) {
      throw new BadInputException("--session " + session + " already has its symptom; leave out --symptom/--symptom-id");
    }
    if (state == null && symptom == null) {
      throw new BadInputException("say what is wrong: --symptom \"TEXT\" or --symptom-id ID, or bundle a saved conversation with --session ID");
    }
    String lbRef = lb != null ? lb : state != null ? state.loadBalancer() : null;

    Map<String, String> documents;
    AzureFacts facts;
    String describe;
    FactSource opened;
    if (source.azure()) {
      dev.lbtriage.engine.gather.azure.AzureFactSource azure = source.azureOptions.open();
      opened = ScopedFactSource.of(azure, source.azureOptions.resourceGroup(), null, source.azureOptions.subscription());
      String name = LoadBalancerChoice.choose(opened, lbRef);
      LiveRead read;
      try {
        read = azure.read(name, FactSourceOptions.progressTo(err));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      facts = read.facts();
      documents = BundleFiles.documents(read);
      describe = azure.describe();
      lbRef = read.loadBalancerId();
    } else {
      opened = source.open();
      String name = LoadBalancerChoice.choose(opened, lbRef == null ? null : dev.lbtriage.rules.facts.ArmId.name(lbRef));
      try {
        facts = opened.gather(name, FactSourceOptions.progressTo(err));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      documents = BundleFiles.documents(source.choice.snapshot);
      describe = opened.describe();
      lbRef = name;
    }
    if (!format.data()) {
      ProblemReport.warn(err, facts.problems());
    }
    String lbId = LoadBalancerChoice.idIn(facts, lbRef);
    if (facts.loadBalancer(lbId).isEmpty()) {
      throw new BadInputException("no load balancer '" + lbRef + "' could be read from " + opened.describe());
    }

    Diagnosis d;
    String report;
    List<RecordedAnswer> recorded;
    List<dev.lbtriage.engine.conversation.RecordedCheck> checks;
    if (state != null) {
      ConversationState here = state.withLoadBalancer(lbId, state.factSource());
      d = SessionDiagnosis.diagnosis(diagnoser, facts, here).orElseThrow(() -> new BadInputException("session " + session
          + " has not reached a symptom and a load balancer yet; go on with it first: " + Hints.resume(session, db)));
      report = state.report();
      recorded = state.answers();
      checks = state.checks();
    } else {
      Map<String, Answer> parsed = AnswerArguments.parse(answers, kb);
      String symptomId = chooseSymptom(kb, facts, lbId, err);
      Double score = symptom.text == null ? null : MatchCommand.round(new SymptomMatcher(kb).assess(symptom.text).best()
          .filter(m -> m.symptomId().equals(symptomId)).map(SymptomMatch::score).orElse(0.0));
      d = diagnoser.diagnose(facts, lbId, symptomId, score, parsed.values());
      report = symptom.text;
      recorded = parsed.values().stream().map(a -> new RecordedAnswer(a.question(), a.value(), null, null, "command-line", null)).toList();
      checks = List.of();
    }
    BundleRequest request = new BundleRequest(d, facts, report, recorded, checks, state == null ? null : state.id(), describe, documents,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), redact, state == null ? List.of() : state.tried());
    request = request.withTried(triedNow);
    Bundle b = BundleFiles.write(request, out);
    Output.print(stdout, format, () -> BundleFiles.json(b, out), () -> BundleFiles.rows(b), () -> BundleFiles.text(stdout, b, out));
    return Main.EXIT_OK;
  }

  private ConversationState loadSession() {
    try (JdbcSessionStore store = Engines.store(db)) {
      return store.load(session.strip()).orElseThrow(() -> new BadInputException(
          "there is no saved session " + session.strip() + "; list them with: " + Hints.command() + " sessions"));
    }
  }

  /** The symptom by id, or the report's best match; probe-down or data-port-down uncertain: Health Probe Status decides, as diagnose does. */
  private String chooseSymptom(KnowledgeBase kb, AzureFacts facts, String lbId, PrintWriter err) {
    String known = kb.symptoms().stream().map(Symptom::id).collect(Collectors.joining(", "));
    if (symptom.id != null) {
      kb.symptom(symptom.id).orElseThrow(() -> new BadInputException("unknown --symptom-id '" + symptom.id + "'; known: " + known));
      return symptom.id;
    }
    MatchResult r = new SymptomMatcher(kb).assess(symptom.text);
    SymptomMatch best = r.best().filter(m -> !r.nothingMatched()).orElseThrow(() -> new BadInputException(
        "--symptom matched nothing lb-triage knows; rephrase it, or pick one with --symptom-id (" + known + ")"));
    List<String> top = r.matches().stream().limit(2).map(SymptomMatch::symptomId).toList();
    Optional<ProbeHealthVerdict.Pair> pair = ProbeHealthVerdict.Pair.of(kb);
    if (r.confident() || pair.isEmpty() || !pair.get().containsAll(top)) {
      return best.symptomId();
    }
    boolean leansToProbe = best.symptomId().equals(pair.get().failing())
        && (r.matches().size() < 2 || r.matches().get(1).score() < best.score());
    return ProbeHealthVerdict.of(kb, facts, lbId).map(v -> {
      String id = ProbeHealthVerdict.settle(v, leansToProbe);
      err.println("lb-triage: note: Health Probe Status decides the symptom, " + id + ": " + String.join("; ", v.evidence()));
      return id;
    }).orElse(best.symptomId());
  }

}
