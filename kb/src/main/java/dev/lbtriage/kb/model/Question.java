package dev.lbtriage.kb.model;

import java.util.List;

/**
 * A manual check: what lb-triage asks when Azure cannot tell.
 *
 * @param id stable id, e.g. {@code probe-port-listening}
 * @param text the question, may hold placeholders such as {@code {backendIp}}
 * @param why why it is asked, in one or two sentences
 * @param answer the kind of answer expected
 * @param how how to check, per operating system
 * @param seedSections headings of the seed page it comes from
 */
public record Question(
    String id, String text, String why, AnswerKind answer, HowToCheck how, List<String> seedSections) {
  public Question {
    seedSections = List.copyOf(seedSections);
  }
}
