package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.bundle.Bundle;
import dev.lbtriage.engine.bundle.BundleBuilder;
import dev.lbtriage.engine.bundle.BundleRequest;
import dev.lbtriage.engine.bundle.BundleZipWriter;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.rules.facts.ArmId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chat's {@code bundle} command: the support-case bundle of the conversation so far (its report,
 * answers, checks and the diagnosis they give) as a zip {@link Reply.Attachment}, built in memory by
 * {@link BundleBuilder}. The ARM documents for {@code snapshot/} come through the {@link ArmDocuments}
 * port; when they are not at hand (live Azure) it says which {@code lb-triage bundle} command makes it.
 */
final class SupportBundle {
  static final String MEDIA_TYPE = "application/zip";

  private final Questioning questioning;
  private final FactCache facts;
  private final ArmDocuments documents;

  SupportBundle(Questioning questioning, FactCache facts, ArmDocuments documents) {
    this.questioning = questioning;
    this.facts = facts;
    this.documents = documents;
  }

  /** Says the bundle (an attachment and a line), or why there is none yet; the caller asks its prompt again. */
  void make(Ctx c, boolean redact) {
    ConversationState s = c.state;
    if (s.loadBalancer() == null || s.symptomId() == null) {
      c.notice(Section.Level.INFO, "There is nothing to bundle yet: a bundle needs the problem and the load balancer. "
          + "Describe the problem (and pick the load balancer) first, then say \"bundle\".");
      return;
    }
    String lbName = ArmId.name(s.loadBalancer());
    Optional<Map<String, String>> docs = documents.of(s.loadBalancer());
    if (docs.isEmpty()) {
      c.notice(Section.Level.INFO, "The ARM documents of " + lbName + " are not at hand in this chat (its facts are read live "
          + "from Azure), so the bundle is made on the command line: lb-triage bundle --azure --lb \"" + s.loadBalancer()
          + "\" --session " + s.id() + " --out " + fileName(lbName, redact) + (redact ? " --redact" : ""));
      return;
    }
    Diagnosis d = questioning.diagnose(c);
    BundleRequest request = new BundleRequest(d, facts.get(s.loadBalancer(), c.live), s.report(), s.answers(), s.checks(), s.id(),
        facts.source().describe(), docs.get(), c.now.truncatedTo(ChronoUnit.SECONDS), redact, s.tried());
    Bundle bundle = BundleBuilder.build(request);
    String name = fileName(lbName, redact);
    byte[] zip = BundleZipWriter.bytes(bundle, name.substring(0, name.length() - ".zip".length()));
    if (zip.length > Reply.Attachment.MAX_BYTES) {
      c.notice(Section.Level.INFO, "The bundle of " + lbName + " is " + (zip.length >> 20) + " MB, more than the chat hands over ("
          + (Reply.Attachment.MAX_BYTES >> 20) + " MB), so it is made on the command line: lb-triage bundle --session " + s.id()
          + " --out " + name + (redact ? " --redact" : "") + " with --snapshot naming the folder this chat reads (" + facts.source().describe()
          + ").");
      return;
    }
    int answers = s.answers().size();
    c.say(new Reply.Attachment(name, MEDIA_TYPE, zip, "Support-case bundle of " + lbName + " (" + answers + " answer"
        + (answers == 1 ? "" : "s") + " so far" + (redact ? ", redacted: " + bundle.masked().size() + " values masked, see MASKED.md" : "")
        + "): attach it to the Azure support request. SUMMARY.md is the first read; its snapshot/ folder replays the case with "
        + "lb-triage diagnose --snapshot."));
  }

  /** {@code lb-triage-bundle-NAME.zip}, the name reduced to letters, digits, dot, dash and underscore. */
  static String fileName(String lbName, boolean redact) {
    String safe = lbName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return "lb-triage-bundle-" + (safe.isEmpty() ? "lb" : safe) + (redact ? "-redacted" : "") + ".zip";
  }
}
