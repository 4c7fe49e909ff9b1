package dev.lbtriage.rules.diagnosis;

/**
 * A rule needs a fact no source gave: it asks the user the KB question with this id.
 *
 * @param question a KB question id, e.g. {@code probe-port-listening}
 * @param cause the cause it would decide
 * @param subject the backend (IP) or rule the question is about, {@code *} when about the whole LB
 * @param rule the rule that asks
 */
public record Ask(String question, String cause, String subject, String rule) {}
