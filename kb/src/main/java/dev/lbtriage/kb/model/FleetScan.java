package dev.lbtriage.kb.model;

/**
 * How a fleet scan reports a cause (the KB's {@code scan} on a cause; a cause without it is not
 * reported, and a symptom none of whose causes has it is not scanned): a {@link #FAULT} the facts
 * alone decide, or an {@link #ADVISORY} that is true of a working load balancer until someone changes
 * it (a scale set's probe locking a rule's backend port).
 */
public enum FleetScan {
  FAULT,
  ADVISORY
}
