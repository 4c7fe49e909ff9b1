package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.azure.AzureFactSource;
import dev.lbtriage.engine.gather.azure.Capture;
import dev.lbtriage.engine.gather.azure.LiveRead;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.MissingFact;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage capture}: one live read of a load balancer, written as a snapshot folder to diagnose later. */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {"Save a load balancer read live from Azure as a snapshot folder.",
        "Reads the load balancer and everything behind it (read-only) and writes the JSON: diagnose it later with "
            + "--snapshot, or attach it to a support case."},
    footer = {"", "Examples:",
        "  lb-triage capture --lb my-rg/lb-web --out ./lb-web-capture",
        "  lb-triage diagnose --snapshot ./lb-web-capture --symptom-id probe-down",
        "", "Exit codes: 0 captured (reads that failed are listed), 2 bad input, 1 Azure could not be read."})
final class CaptureCommand implements Callable<Integer> {

  @Option(names = {"--lb", "-n", "--name"}, paramLabel = "ID_OR_NAME", description = "Load balancer: ARM id, RG/NAME or a name (needed when there are several).")
  String lb;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write; created if absent, must be empty.")
  Path out;

  @Option(names = "--azure", description = "Accepted for symmetry with diagnose; capture always reads Azure.")
  boolean azureFlag;

  @Mixin AzureOptions azure;

  @Mixin FormatOption format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    refuseUnusable(out);
    AzureFactSource source = azure.open();
    String lbRef = LoadBalancerChoice.choose(ScopedFactSource.of(source, azure.resourceGroup(), null, azure.subscription()), lb);
    LiveRead read = read(source, lbRef, err);
    List<Path> files = Capture.write(read, out);
    Output.print(stdout, format, () -> json(read, files), () -> rows(read, files), () -> printText(stdout, read, files));
    return Main.EXIT_OK;
  }

  private static LiveRead read(AzureFactSource source, String lbRef, PrintWriter err) {
    try {
      return source.read(lbRef, FactSourceOptions.progressTo(err));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private Object json(LiveRead read, List<Path> files) {
    ObjectNode root = JsonOutput.object();
    root.put("folder", out.toString());
    root.put("loadBalancer", read.loadBalancerId());
    root.set("files", JsonOutput.strings(files.stream().map(f -> out.relativize(f).toString()).toList()));
    ArrayNode missing = root.putArray("missing");
    for (MissingFact m : read.failures()) {
      missing.addObject().put("kind", m.kind()).put("reference", m.reference()).put("referencedBy", m.referencedBy())
          .put("reason", m.reason());
    }
    return root;
  }

  private Output.Rows rows(LiveRead read, List<Path> files) {
    Output.Rows r = Output.Rows.of("file", "kind", "reference", "reason");
    files.forEach(f -> r.add(out.relativize(f), "written", "", ""));
    for (MissingFact m : read.failures()) {
      r.add("", m.kind(), m.reference(), m.reason());
    }
    return r;
  }

  private void printText(PrintWriter o, LiveRead read, List<Path> files) {
    o.println("Captured load balancer " + ArmId.name(read.loadBalancerId()) + " to " + out + " (" + files.size() + " files)");
    files.forEach(f -> o.println("  " + out.relativize(f)));
    if (read.failures().isEmpty()) {
      o.println("Every read succeeded.");
    } else {
      o.println("Could not be read (" + read.failures().size() + "; the diagnosis will treat these as unknown):");
      read.failures().forEach(m -> o.println("  - " + m.kind() + " " + Names.of(m.reference()) + ": "
          + ProblemReport.oneLine(m.reason())));
    }
    o.println("Next: " + Hints.command() + " diagnose --snapshot " + Hints.quote(out.toString()) + " --lb " + ArmId.name(read.loadBalancerId())
        + " --symptom \"what you see\"");
    o.flush();
  }

  /** Checked before anything is read from Azure: a capture never overwrites. */
  private static void refuseUnusable(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new BadInputException("--out " + dir + " is a file; give a new or empty folder");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new BadInputException("--out " + dir + " is not empty; give a new or empty folder (a capture never overwrites)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
  }
}
