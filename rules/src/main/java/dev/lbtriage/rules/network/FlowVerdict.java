package dev.lbtriage.rules.network;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on a flow at a NIC: one {@link NsgDecision} per NSG level in the order Azure applies
 * them (inbound: subnet then NIC; outbound: NIC then subnet), the overall verdict (both must
 * allow), and notes on what was evaluated or missing.
 */
public record FlowVerdict(Flow flow, Verdict verdict, List<NsgDecision> decisions, List<String> notes) {
  public FlowVerdict {
    decisions = List.copyOf(decisions);
    notes = List.copyOf(notes);
  }

  /** Combines the decisions: any deny denies, else any unknown is unknown, else allowed. */
  public static FlowVerdict of(Flow flow, List<NsgDecision> decisions, List<String> notes) {
    Verdict v = Verdict.ALLOW;
    for (NsgDecision d : decisions) {
      v = v.and(d.verdict());
    }
    if (decisions.isEmpty() && !notes.isEmpty()) {
      v = Verdict.UNKNOWN;
    }
    return new FlowVerdict(flow, v, decisions, notes);
  }

  public boolean allowed() {
    return verdict == Verdict.ALLOW;
  }

  public boolean denied() {
    return verdict == Verdict.DENY;
  }

  /** The first level that denied, if any. */
  public Optional<NsgDecision> denyingDecision() {
    return decisions.stream().filter(d -> d.verdict() == Verdict.DENY).findFirst();
  }

  /** A header line with the flow and verdict, one line per NSG level, then the notes. */
  public String describe() {
    StringBuilder b = new StringBuilder().append(flow).append(": ").append(verdict);
    for (NsgDecision d : decisions) {
      b.append("\n  ").append(d.describe());
    }
    for (String n : notes) {
      b.append("\n  note: ").append(n);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
