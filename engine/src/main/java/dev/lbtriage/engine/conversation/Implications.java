package dev.lbtriage.engine.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one answer (or a live check that connected) also answers, as data: the conversation does
 * not ask a question whose answer follows from another, and the rules see the implied answer with
 * its reason. An answer given to the question itself always wins over an implied one.
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

  static final List<Implication> ANSWERS = List.of(
      new Implication("vm-responds", "yes", "probe-port-listening", "yes",
          "a TCP answer on the probe port means something listens on it"),
      new Implication("same-nic", "yes", "client-on-backend-vm", "yes",
          "a caller on the same VM and NIC as the called application runs on a backend VM"));

  static final List<CheckImplication> CHECKS = List.of(
      new CheckImplication("probe-port-listening", "probe-port-listening", "yes",
          "the live check connected to the probe port, so something listens on it"),
      new CheckImplication("vm-responds", "vm-responds", "yes",
          "the live check connected to the probe port, so the VM is up and answers on it"),
      new CheckImplication("vm-responds", "probe-port-listening", "yes",
          "the live check connected to the probe port, so something listens on it"),
      new CheckImplication("data-port-listening", "data-port-listening", "yes",
          "the live check connected to the data port, so something listens on it"));

  private Implications() {}

  /** The answers implied by the given answers and checks, for questions not answered themselves; first reason wins. */
  static List<Implied> of(List<RecordedAnswer> answers, List<RecordedCheck> checks) {
    Map<String, Implied> out = new LinkedHashMap<>();
    List<String> given = answers.stream().map(RecordedAnswer::question).toList();
    for (RecordedAnswer a : answers) {
      for (Implication i : ANSWERS) {
        if (i.question().equals(a.question()) && i.value().equals(a.value()) && !given.contains(i.implied())) {
          out.putIfAbsent(i.implied(), new Implied(i.implied(), i.impliedValue(), a.question(), i.reason()));
        }
      }
    }
    for (CheckImplication i : CHECKS) {
      List<RecordedCheck> mine = checks.stream().filter(c -> c.question().equals(i.checkedFor())).toList();
      if (!mine.isEmpty() && mine.stream().allMatch(c -> c.received() > 0) && !given.contains(i.implied())) {
        out.putIfAbsent(i.implied(), new Implied(i.implied(), i.impliedValue(), "check", i.reason()));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** What an answer to {@code question} = {@code value} implies, for the note said when it is recorded. */
  static List<Implication> from(String question, String value) {
    return ANSWERS.stream().filter(i -> i.question().equals(question) && i.value().equals(value)).toList();
  }
}
