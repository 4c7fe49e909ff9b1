package dev.lbtriage.kb.model;

import java.util.List;
import java.util.Optional;

/**
 * A manual check: what lb-triage asks when Azure cannot tell.
 *
 * @param id stable id, e.g. {@code probe-port-listening}
 * @param text the question, may hold placeholders such as {@code {backendIp}}
 * @param why why it is asked, in one or two sentences
 * @param answer the kind of answer expected
 * @param how how to check, per operating system
 * @param seedSections headings of the seed page it comes from
 * @param variants other wordings, each used instead when its condition holds (e.g. an internal load balancer)
 * @param liveCheck the port a live TCP check tries to answer it, null when it cannot be checked live
 * @param fills the placeholders a known answer fills with its value (the KB's {@code fills}), e.g. the client's address
 * @param implies what an answer to it (or a live check that connected) also answers
 * @param fromReport what a user's report can say of it, or null
 */
public record Question(
    String id, String text, String why, AnswerKind answer, HowToCheck how, List<String> seedSections, List<Variant> variants,
    LivePort liveCheck,
    List<Placeholder> fills, List<Implication> implies, FromReport fromReport) {
  public Question {
    seedSections = List.copyOf(seedSections);
    variants = List.copyOf(variants);
    fills = fills == null ? List.of() : List.copyOf(fills);
    implies = List.copyOf(implies);
  }

  public Question(String id, String text, String why, AnswerKind answer, HowToCheck how, List<String> seedSections,
      List<Variant> variants, LivePort liveCheck) {
    this(id, text, why, answer, how, seedSections, variants, liveCheck, List.of(), List.of(), null);
  }

  public Question(String id, String text, String why, AnswerKind answer, HowToCheck how, List<String> seedSections) {
    this(id, text, why, answer, how, seedSections, List.of(), null, List.of(), List.of(), null);
  }

  public Question(String id, String text, String why, AnswerKind answer, HowToCheck how, List<String> seedSections,
      List<Variant> variants) {
    this(id, text, why, answer, how, seedSections, variants, null, List.of(), List.of(), null);
  }

  /** Whether a live TCP check from lb-triage's machine can answer it (the KB's {@code liveCheck}). */
  public boolean checkableLive() {
    return liveCheck != null;
  }

  /** A wording of the question for one situation; a null field keeps the question's own. */
  public record Variant(Condition when, String text, String why, HowToCheck how) {}

  /** The first variant whose condition holds, if any. */
  public Optional<Variant> variant(java.util.function.Predicate<Condition> holds) {
    return variants.stream().filter(v -> holds.test(v.when())).findFirst();
  }
}
