package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.bundle.Bundle;
import dev.lbtriage.engine.bundle.BundleBuilder;
import dev.lbtriage.engine.bundle.BundleRequest;
import dev.lbtriage.engine.bundle.BundleZipWriter;
import dev.lbtriage.engine.bundle.Redaction;
import dev.lbtriage.engine.bundle.SnapshotDocumentsReader;
import dev.lbtriage.engine.conversation.RemediationTried;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.azure.LiveRead;
import dev.lbtriage.rules.facts.AzureFacts;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's side of the support-case bundle: where the ARM JSON comes from (the snapshot
 * folder, or the documents of a live read), where the zip goes, and what is printed about it.
 * {@code bundle} and {@code diagnose --bundle} share it.
 */
final class BundleFiles {
  private BundleFiles() {}

  /** Checked before anything is read: a {@code .zip} path whose folder exists or can be made, not a folder, not overwritten. */
  static Path checkOut(Path out, String option) {
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      throw new BadInputException(option + " " + out + " must name a .zip file (e.g. " + option + " lb-web-case.zip)");
    }
    if (Files.isDirectory(out)) {
      throw new BadInputException(option + " " + out + " is a folder; give a .zip file name");
    }
    if (Files.exists(out)) {
      throw new BadInputException(option + " " + out + " exists; give a new file name (a bundle never overwrites)");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new BadInputException(option + " " + out + ": " + parent + " is not a folder");
    }
    return out;
  }

  /** The ARM JSON of a snapshot folder, as the bundle's snapshot/ holds it. */
  static Map<String, String> documents(Path snapshotFolder) {
    try {
      return SnapshotDocumentsReader.fromFolder(snapshotFolder);
    } catch (UncheckedIOException e) {
      throw new BadInputException("cannot read --snapshot " + snapshotFolder + " for the bundle: " + e.getMessage(), e);
    }
  }

  /** The documents of a live read. */
  static Map<String, String> documents(LiveRead read) {
    return SnapshotDocumentsReader.fromDocuments(read.files());
  }

  static Bundle write(BundleRequest r, Path zip) {
    Bundle b = BundleBuilder.build(r);
    try {
      BundleZipWriter.write(b, zip);
    } catch (UncheckedIOException e) {
      throw new BadInputException("cannot write " + zip + ": " + e.getCause().getMessage(), e);
    }
    return b;
  }

  /**
   * {@code diagnose --bundle}: the bundle of the diagnosis just printed. Over a snapshot its files
   * are copied; over Azure the load balancer's documents are read once more for snapshot/ (the
   * facts and findings in the bundle are those printed). One line on stderr says where it went.
   */
  static void afterDiagnose(FactSourceOptions source, AzureFacts facts, String lbId, Diagnosis d, String report,
      java.util.Collection<dev.lbtriage.rules.diagnosis.Answer> answers, java.util.List<RemediationTried> tried, Path zip, PrintWriter err) {
    Map<String, String> documents;
    String describe;
    if (source.azure()) {
      dev.lbtriage.engine.gather.azure.AzureFactSource azure = source.azureOptions.open();
      documents = documents(azure.read(lbId, FactSourceOptions.progressTo(err)));
      describe = azure.describe();
    } else {
      documents = documents(source.choice.snapshot);
      describe = "snapshot folder " + source.choice.snapshot.toAbsolutePath();
    }
    java.util.List<dev.lbtriage.engine.conversation.RecordedAnswer> recorded = answers.stream()
        .map(a -> new dev.lbtriage.engine.conversation.RecordedAnswer(a.question(), a.value(), null, null, "command-line", null)).toList();
    Bundle b = write(new BundleRequest(d, facts, report, recorded, java.util.List.of(), null, describe, documents,
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), false, tried), zip);
    err.println("lb-triage: support-case bundle written: " + zip + " (" + b.files().size() + " files; start with SUMMARY.md)");
    err.flush();
  }

  /**
   * {@code --tried TEXT} as remediation already tried: given on the command line now (no user name);
   * bad input when a text is blank or longer than a chat line may be.
   */
  static java.util.List<RemediationTried> tried(java.util.List<String> texts) {
    java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    java.util.List<RemediationTried> out = new java.util.ArrayList<>();
    for (String t : texts) {
      if (t == null || t.isBlank()) {
        throw new BadInputException("--tried needs a text: what was already tried, e.g. --tried \"restarted vm-web-1 at 14:05\"");
      }
      if (t.length() > RemediationTried.MAX_CHARS) {
        throw new BadInputException("--tried \"" + t.strip().substring(0, 40) + "...\" is longer than " + RemediationTried.MAX_CHARS
            + " characters; say it in fewer words (repeat --tried for each change)");
      }
      out.add(new RemediationTried(t, null, now, RemediationTried.COMMAND_LINE, RemediationTried.saysStillFailing(t)));
    }
    return out;
  }

  static Object json(Bundle b, Path zip) {
    ObjectNode root = JsonOutput.object();
    root.put("zip", zip.toString());
    root.put("folder", BundleZipWriter.topFolder(zip));
    root.set("files", JsonOutput.strings(b.files().keySet().stream().toList()));
    root.set("findings", JsonOutput.strings(b.findings()));
    root.set("failingHops", JsonOutput.strings(b.failingHops()));
    ArrayNode masked = root.putArray("masked");
    for (Redaction.Mask m : b.masked()) {
      masked.addObject().put("kind", m.kind().words()).put("mask", m.mask()).put("occurrences", m.occurrences());
    }
    return root;
  }

  static Output.Rows rows(Bundle b) {
    Output.Rows r = Output.Rows.of("file", "bytes");
    b.files().forEach((name, bytes) -> r.add(name, bytes.length));
    return r;
  }

  static void text(PrintWriter o, Bundle b, Path zip) {
    o.println("Support-case bundle written: " + zip + " (" + b.files().size() + " files; unzip it to " + BundleZipWriter.topFolder(zip)
        + "/, start with SUMMARY.md)");
    o.println("  findings: " + String.join(", ", b.findings()));
    o.println("  failing hops: " + (b.failingHops().isEmpty() ? "none the facts show" : String.join(", ", b.failingHops())));
    if (!b.masked().isEmpty()) {
      o.println("  masked: " + b.masked().size() + " values (list in MASKED.md)");
    }
    o.println("Attach the zip to the support request; CAPTURE-PLAN.md says which traces to add.");
    o.flush();
  }
}
