package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.engine.conversation.RecordedCheck;
import dev.lbtriage.engine.conversation.RemediationTried;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.AzureFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a bundle is built from.
 *
 * @param diagnosis the diagnosis to explain (for a conversation: with the answers cited)
 * @param facts the facts it was made from
 * @param report the symptom in the user's words; null when the symptom was chosen by id
 * @param answers the answers, who gave them and when ({@code by}/{@code at} null for answers given
 *     as options on the command line)
 * @param checks live checks run for the user
 * @param sessionId the saved conversation bundled, or null
 * @param factSource where the facts came from ({@code FactSource.describe()})
 * @param snapshot the ARM JSON read: relative file name to its text, as {@code snapshot/} will hold it
 * @param createdAt when the bundle is made
 * @param redact mask subscription and tenant ids, public IPs, user names and free text
 * @param tried the remediation already tried, who said it and when (free text: masked by {@code redact})
 */
public record BundleRequest(
    Diagnosis diagnosis,
    AzureFacts facts,
    String report,
    List<RecordedAnswer> answers,
    List<RecordedCheck> checks,
    String sessionId,
    String factSource,
    Map<String, String> snapshot,
    Instant createdAt,
    boolean redact,
    List<RemediationTried> tried) {
  public BundleRequest {
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(createdAt, "createdAt");
    answers = answers == null ? List.of() : List.copyOf(answers);
    checks = checks == null ? List.of() : List.copyOf(checks);
    tried = tried == null ? List.of() : List.copyOf(tried);
    snapshot = snapshot == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(snapshot));
  }

  /** A request with no remediation tried recorded. */
  public BundleRequest(Diagnosis diagnosis, AzureFacts facts, String report, List<RecordedAnswer> answers, List<RecordedCheck> checks,
      String sessionId, String factSource, Map<String, String> snapshot, Instant createdAt, boolean redact) {
    this(diagnosis, facts, report, answers, checks, sessionId, factSource, snapshot, createdAt, redact, List.of());
  }

  /** The same request, redacted or not. */
  public BundleRequest withRedact(boolean on) {
    return new BundleRequest(diagnosis, facts, report, answers, checks, sessionId, factSource, snapshot, createdAt, on, tried);
  }

  /** The same request with {@code more} remediation tried after what it has. */
  public BundleRequest withTried(List<RemediationTried> more) {
    List<RemediationTried> all = new java.util.ArrayList<>(tried);
    all.addAll(more);
    return new BundleRequest(diagnosis, facts, report, answers, checks, sessionId, factSource, snapshot, createdAt, redact, all);
  }
}
