package dev.lbtriage.engine.conversation;

import dev.lbtriage.kb.model.Implication;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one answer (or a live check that connected) also answers, as the knowledge base's
 * {@code implies:} on its questions says: the conversation does not ask a question whose answer
 * follows from another, and the rules see the implied answer with its reason. An answer given to
 * the question itself always wins over an implied one.
 */
final class Implications {
  /**
   * If {@code question} was answered {@code value}, then {@code implied} is {@code impliedValue}, because {@code reason}.
   */
  record Implication(String question, String value, String implied, String impliedValue, String reason) {}

  /**
   * A live check run for {@code checkedFor} that connected to every backend it tried answers {@code implied} with
   * {@code impliedValue}.
   */
  record CheckImplication(String checkedFor, String implied, String impliedValue, String reason) {}

  /** An implied answer and why. */
  record Implied(String question, String value, String from, String reason) {}

  private final List<Implication> answers;
  private final List<CheckImplication> checks;

  private Implications(List<Implication> answers, List<CheckImplication> checks) {
    this.answers = answers;
    this.checks = checks;
  }

  /** The implications the knowledge base's questions declare, in its order. */
  static Implications of(KnowledgeBase kb) {
    List<Implication> answers = new ArrayList<>();
    List<CheckImplication> checks = new ArrayList<>();
    for (Question q : kb.questions().toList()) {
      for (dev.lbtriage.kb.model.Implication i : q.implies()) {
        if (i.byLiveCheck()) {
          checks.add(new CheckImplication(q.id(), i.question(), i.answer(), i.because()));
        } else {
          answers.add(new Implication(q.id(), i.ifAnswer(), i.question(), i.answer(), i.because()));
        }
      }
    }
    return new Implications(List.copyOf(answers), List.copyOf(checks));
  }

  /** What answers imply. */
  List<Implication> answers() {
    return answers;
  }

  /** What live checks that connected imply. */
  List<CheckImplication> checks() {
    return checks;
  }

  /** The answers implied by the given answers and checks, for questions not answered themselves; first reason wins. */
  List<Implied> of(List<RecordedAnswer> given, List<RecordedCheck> done) {
    Map<String, Implied> out = new LinkedHashMap<>();
    List<String> asked = given.stream().map(RecordedAnswer::question).toList();
    for (RecordedAnswer a : given) {
      for (Implication i : answers) {
        if (i.question().equals(a.question()) && i.value().equals(a.value()) && !asked.contains(i.implied())) {
          out.putIfAbsent(i.implied(), new Implied(i.implied(), i.impliedValue(), a.question(), i.reason()));
        }
      }
    }
    for (CheckImplication i : checks) {
      List<RecordedCheck> mine = done.stream().filter(c -> c.question().equals(i.checkedFor())).toList();
      if (!mine.isEmpty() && mine.stream().allMatch(c -> c.received() > 0) && !asked.contains(i.implied())) {
        out.putIfAbsent(i.implied(), new Implied(i.implied(), i.impliedValue(), "check", i.reason()));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** What an answer to {@code question} = {@code value} implies, for the note said when it is recorded. */
  List<Implication> from(String question, String value) {
    return answers.stream().filter(i -> i.question().equals(question) && i.value().equals(value)).toList();
  }
}
