package dev.lbtriage.engine.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a conversation has established, immutable; it is what a session store saves (as
 * JSON). Facts are not part of it: they are gathered again from {@link #factSource()} on resume.
 *
 * @param id the session id
 * @param key the conversation key a face finds it by (e.g. {@code slack:C123:1712345.678}), may be null
 * @param stage what the next line is read as
 * @param report the user's description of the problem, null before it is given
 * @param symptomId the KB symptom chosen, null before
 * @param symptomScore how well the report matched it, null when the user picked it
 * @param candidates the symptoms the report matched, best first
 * @param loadBalancer the ARM id of the load balancer, null before it is chosen
 * @param factSource the {@code describe()} of the source the facts came from, null before
 * @param answers the answers given, in the order given (one per question)
 * @param asking the id of the prompt waiting for an answer: a KB question id, {@code report},
 *     {@code symptom} or {@code load-balancer}; null when nothing is asked
 * @param turn how many user lines were handled
 * @param checks the live checks run for the user ("check"), oldest first; empty in states saved
 *     before checks existed
 * @param pending answers read from the report or from a hedged reply, waiting for the user to confirm
 *     them ({@code asking} is {@code confirm}); empty in older states
 * @param inside whether the user said this machine is inside the load balancer's network (so a live
 *     check from here means something on a snapshot); null when not asked, as in older states
 * @param tried the remediation the user says was already tried ({@code tried ...}, or said after a
 *     conclusion), oldest first; empty in older states
 */
public record ConversationState(
    String id,
    String key,
    Stage stage,
    String report,
    String symptomId,
    Double symptomScore,
    List<Candidate> candidates,
    String loadBalancer,
    String factSource,
    List<RecordedAnswer> answers,
    String asking,
    int turn,
    Instant created,
    Instant updated,
    List<RecordedCheck> checks,
    List<RecordedAnswer> pending,
    Boolean inside,
    List<RemediationTried> tried) {

  public ConversationState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stage, "stage");
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    answers = answers == null ? List.of() : List.copyOf(answers);
    checks = checks == null ? List.of() : List.copyOf(checks);
    pending = pending == null ? List.of() : List.copyOf(pending);
    tried = tried == null ? List.of() : List.copyOf(tried);
  }

  /** A state as saved before remediation tried was recorded. */
  public ConversationState(String id, String key, Stage stage, String report, String symptomId, Double symptomScore,
      List<Candidate> candidates, String loadBalancer, String factSource, List<RecordedAnswer> answers, String asking, int turn,
      Instant created, Instant updated, List<RecordedCheck> checks, List<RecordedAnswer> pending, Boolean inside) {
    this(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource, answers, asking, turn, created,
        updated, checks, pending, inside, List.of());
  }

  /** A state as saved before pending answers and the inside flag existed. */
  public ConversationState(String id, String key, Stage stage, String report, String symptomId, Double symptomScore,
      List<Candidate> candidates, String loadBalancer, String factSource, List<RecordedAnswer> answers, String asking, int turn,
      Instant created, Instant updated, List<RecordedCheck> checks) {
    this(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource, answers, asking, turn, created,
        updated, checks, List.of(), null);
  }

  /** A new conversation waiting for a report. */
  public static ConversationState fresh(String id, String key, Instant now) {
    return new ConversationState(id, key, Stage.AWAITING_REPORT, null, null, null, List.of(), null, null, List.of(),
        Prompts.REPORT, 0, now, now, List.of());
  }

  public ConversationState withStage(Stage newStage, String newAsking) {
    return new ConversationState(id, key, newStage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        answers, newAsking, turn, created, updated, checks, pending, inside, tried);
  }

  public ConversationState withReport(String newReport, List<Candidate> newCandidates) {
    return new ConversationState(id, key, stage, newReport, null, null, newCandidates, null, null, List.of(), asking,
        turn, created, updated, List.of(), List.of(), inside, tried);
  }

  public ConversationState withPending(List<RecordedAnswer> newPending) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        answers, asking, turn, created, updated, checks, newPending, inside, tried);
  }

  public ConversationState withInside(Boolean newInside) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        answers, asking, turn, created, updated, checks, pending, newInside, tried);
  }

  public ConversationState withSymptom(String newSymptomId, Double score) {
    return new ConversationState(id, key, stage, report, newSymptomId, score, candidates, loadBalancer, factSource,
        answers, asking, turn, created, updated, checks, pending, inside, tried);
  }

  public ConversationState withLoadBalancer(String lbId, String source) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, lbId, source, answers,
        asking, turn, created, updated, checks, pending, inside, tried);
  }

  public ConversationState withAnswers(List<RecordedAnswer> newAnswers) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        newAnswers, asking, turn, created, updated, checks, pending, inside, tried);
  }

  public ConversationState withChecks(List<RecordedCheck> newChecks) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        answers, asking, turn, created, updated, newChecks, pending, inside, tried);
  }

  public ConversationState withTried(List<RemediationTried> newTried) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        answers, asking, turn, created, updated, checks, pending, inside, newTried);
  }

  /** The checks with {@code check} in place of an earlier one to the same host, port and kind, or appended. */
  public List<RecordedCheck> checksWith(RecordedCheck check) {
    List<RecordedCheck> out = new ArrayList<>(checks.stream().filter(c -> !c.key().equals(check.key())).toList());
    out.add(check);
    return out;
  }

  /** This state one user line later. */
  public ConversationState nextTurn(Instant now) {
    return new ConversationState(id, key, stage, report, symptomId, symptomScore, candidates, loadBalancer, factSource,
        answers, asking, turn + 1, created, now, checks, pending, inside, tried);
  }

  /** The answers with {@code replacement} in place of the earlier answer to the same question, or appended. */
  public List<RecordedAnswer> answersWith(RecordedAnswer replacement) {
    List<RecordedAnswer> out = new ArrayList<>(answers);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).question().equals(replacement.question())) {
        out.set(i, replacement);
        return out;
      }
    }
    out.add(replacement);
    return out;
  }
}
