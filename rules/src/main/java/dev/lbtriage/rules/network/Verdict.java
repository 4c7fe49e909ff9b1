package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.Access;

/** The outcome of evaluating a flow: allowed, denied, or not decidable from the facts. */
public enum Verdict {
  ALLOW,
  DENY,
  UNKNOWN;

  public static Verdict of(Access access) {
    return access == Access.ALLOW ? ALLOW : DENY;
  }

  /** Both must allow (subnet NSG and NIC NSG): any deny denies, else any unknown is unknown. */
  public Verdict and(Verdict other) {
    if (this == DENY || other == DENY) {
      return DENY;
    }
    return this == ALLOW && other == ALLOW ? ALLOW : UNKNOWN;
  }
}
