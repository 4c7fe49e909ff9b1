package dev.lbtriage.bot.cli;

import com.azure.core.http.HttpClient;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import dev.lbtriage.engine.gather.graph.FleetFacts;
import dev.lbtriage.engine.gather.graph.GraphReadException;
import dev.lbtriage.engine.gather.graph.GraphReader;
import dev.lbtriage.engine.gather.graph.GraphSnapshotReader;
import dev.lbtriage.engine.gather.graph.ResourceGraphClient;
import dev.lbtriage.engine.gather.snapshot.SnapshotFolderException;
import dev.lbtriage.engine.scan.FleetScanner;
import dev.lbtriage.engine.scan.ScanReport;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.fleet.FleetRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage scan}: every load balancer of subscriptions, a management group or the tenant, through Azure Resource Graph. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    header = "Scan every load balancer you can read, through Azure Resource Graph, for faults and risks.",
    description = {"Runs the causes the facts alone decide: an NSG denying the probe or every client, a deallocated",
        "backend, a route forcing the probe's replies to an appliance, a scale set probe locking a rule's port;",
        "and the fleet hygiene checks (APRL, PSRule for Azure, the Basic SKU's retirement on 30 September 2025).",
        "Causes that need an answer from you are not run. One row per finding."},
    footer = {"", "Examples:",
        "  lb-triage scan                                          # every subscription you can read",
        "  lb-triage scan --subscription 11111111-2222-3333-4444-555555555555 -o json",
        "  lb-triage scan --management-group contoso-prod -o sarif > lb.sarif",
        "  lb-triage scan --snapshot ./graph-results -o csv        # saved Resource Graph responses",
        "", "Status: confirmed (the facts show it), suspected (the facts point to it), advisory (a best practice is not met).",
        "Progress goes to stderr while Resource Graph pages arrive; stdout holds only the report.",
        "Exit codes: 0 no confirmed finding, 1 a confirmed finding (or a failure, one line on stderr), 2 bad input."})
final class ScanCommand implements Callable<Integer> {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Option(names = "--subscription", paramLabel = "ID", arity = "1..*",
      description = "Subscriptions to scan (repeat or list several); default: every subscription the identity can read.")
  List<String> subscriptions = new ArrayList<>();

  @Option(names = "--management-group", paramLabel = "ID", description = "Scan a management group (and what is below it).")
  String managementGroup;

  @Option(names = "--snapshot", paramLabel = "DIR", description = "Read saved Resource Graph responses from this folder instead of Azure.")
  Path snapshot;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), json, sarif (SARIF 2.1.0, for code-scanning dashboards) or csv.")
  ScanOutput.Format format;

  @Mixin SignInOptions signIn = new SignInOptions();

  @Option(names = "--threads", paramLabel = "N", description = "Load balancers evaluated in parallel (default: the number of CPUs).")
  Integer threads;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** How the reader waits for Resource Graph's quota; tests replace it so a 429 costs no real time. */
  static volatile GraphReader.Waiter waiter = d -> Thread.sleep(d.toMillis());

  @Override
  public Integer call() {
    validate();
    PrintWriter err = spec.commandLine().getErr();
    FleetFacts facts;
    String scope;
    if (snapshot != null) {
      try {
        facts = GraphSnapshotReader.read(snapshot, Progress.none());
      } catch (SnapshotFolderException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      scope = "Resource Graph results in " + snapshot;
    } else {
      scope = managementGroup != null ? "management group " + managementGroup
          : subscriptions.isEmpty() ? "every subscription the identity can read"
          : subscriptions.size() == 1 ? "subscription " + subscriptions.get(0) : subscriptions.size() + " subscriptions";
      GraphReader reader = new GraphReader(client(), GraphReader.Options.defaults(), waiter);
      Progress progress = (step, done, total) -> {
        err.println("lb-triage scan: " + step + ": " + done + (total > 0 ? "/" + total : "") + " rows");
        err.flush();
      };
      try {
        facts = reader.read(List.copyOf(subscriptions), managementGroup == null ? List.of() : List.of(managementGroup), progress);
      } catch (GraphReadException e) {
        if (e.status() == 401) {
          throw new ReportedFailure("not signed in to Azure: " + AzureLogin.WHAT_TO_DO, e);
        }
        throw new ReportedFailure("cannot scan: " + e.getMessage(), e);
      }
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ScanReport report = new FleetScanner(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath(), FleetRules.fromClasspath(), n)
        .scan(facts, scope);
    PrintWriter out = spec.commandLine().getOut();
    ScanOutput.print(out, format, report);
    out.flush();
    if (format == ScanOutput.Format.csv && !report.problems().isEmpty()) {
      err.println("lb-triage scan: " + report.problems().size() + " problems reading the input; -o json lists them");
    }
    return report.exitCode();
  }

  private void validate() {
    if (snapshot != null && (!subscriptions.isEmpty() || managementGroup != null || signIn.anyGiven())) {
      throw new BadInputException("--snapshot reads saved results: give no --subscription, --management-group, --cloud,"
          + " --arm-endpoint, --authority-host or --tenant with it");
    }
    if (managementGroup != null && !subscriptions.isEmpty()) {
      throw new BadInputException("give either --subscription or --management-group, not both");
    }
    for (String s : subscriptions) {
      if (!GUID.matcher(s).matches()) {
        throw new BadInputException("--subscription takes a subscription id (a GUID such as 11111111-2222-3333-4444-555555555555),"
            + " not '" + ProblemText.oneLine(s) + "'");
      }
    }
    if (managementGroup != null && (managementGroup.isBlank() || managementGroup.length() > 90
        || !managementGroup.matches("[A-Za-z0-9_().-]+"))) {
      throw new BadInputException("--management-group takes a management group id (letters, digits, - _ . ( ) up to 90), not '"
          + ProblemText.oneLine(managementGroup) + "'");
    }
    if (threads != null && (threads < 1 || threads > 64)) {
      throw new BadInputException("--threads must be 1..64, was " + threads);
    }
  }

  private ResourceGraphClient client() {
    AzureCloudConfig config = signIn.config(null, null, "cannot scan");
    HttpClient http = AzureTestHooks.seam != null ? AzureTestHooks.seam.options().httpClient() : null;
    return ResourceGraphClient.create(config, SignInOptions.signedIn(config), http);
  }
}
