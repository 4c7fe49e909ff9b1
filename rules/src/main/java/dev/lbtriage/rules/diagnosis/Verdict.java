package dev.lbtriage.rules.diagnosis;

/** The NSGs' verdict on a flow. UNKNOWN when a fact it needs is missing: never read as allowed. */
public enum Verdict {
  ALLOWED,
  DENIED,
  UNKNOWN
}
