package dev.lbtriage.kb.model;

/** The shape of an answer to a {@link Question}. YAML spelling: lower case. */
public enum AnswerKind {
  /** yes, no (or "I don't know"). */
  YES_NO,
  /** an IPv4 or IPv6 address. */
  IP_ADDRESS,
  /** a port number 1-65535. */
  PORT,
  /** free text. */
  TEXT
}
