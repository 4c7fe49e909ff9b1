package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.SecurityRule;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one NSG (or the lack of one) did to a flow.
 *
 * @param nsgId null when there is no NSG at this level or it is not known which
 * @param nsgName null likewise
 * @param originFile the snapshot file the rules came from (the NSG's or the effective rules'), may be null
 * @param decidingRule the rule that decided; for {@link Verdict#UNKNOWN}, the first rule that could
 *     not be decided; null when no rule applies (no NSG, NSG missing, no rule matched)
 * @param undecidedRules rules before the deciding one whose match could not be told (when they all
 *     have the deciding rule's access the verdict stands anyway)
 * @param reason why, in words, when the rule alone does not say it (may be null)
 */
public record NsgDecision(
    NsgLevel level,
    String nsgId,
    String nsgName,
    String originFile,
    Verdict verdict,
    SecurityRule decidingRule,
    List<SecurityRule> undecidedRules,
    String reason) {
  public NsgDecision {
    undecidedRules = List.copyOf(undecidedRules);
  }

  /** No NSG at this level: Azure lets the flow through. */
  public static NsgDecision noNsg(NsgLevel level, String reason) {
    return new NsgDecision(level, null, null, null, Verdict.ALLOW, null, List.of(), reason);
  }

  /** An NSG (or its subnet, or the NIC) that should be here is not in the facts. */
  public static NsgDecision missing(NsgLevel level, String nsgId, String reason) {
    return new NsgDecision(level, nsgId, nsgId == null ? null : dev.lbtriage.rules.facts.ArmId.name(nsgId), null,
        Verdict.UNKNOWN, null, List.of(), reason);
  }

  /**
   * This decision, made from an NSG whose rules named in {@code leftOut} could not be read: a rule of unknown
   * priority may come before the one that decided, so nothing is decided (the rule that would have decided is kept).
   */
  public NsgDecision incomplete(List<String> leftOut) {
    String rules = (leftOut.size() == 1 ? "rule '" : "rules '") + String.join("', '", leftOut) + "'";
    String would = verdict == Verdict.UNKNOWN ? "" : "the rules read would " + (verdict == Verdict.ALLOW
        ? "allow" : "deny") + " it, but ";
    String why = would + rules + " of this NSG could not be read (left out), and " + (leftOut.size() == 1 ? "it" : "they")
        + " may come first";
    return new NsgDecision(level, nsgId, nsgName, originFile, Verdict.UNKNOWN, decidingRule, undecidedRules,
        reason == null || verdict != Verdict.UNKNOWN ? why : reason + "; " + why);
  }

  /** {@code nsg/rule@priority}. */
  public String ruleLabel() {
    return decidingRule == null ? null : label(decidingRule);
  }

  private String label(SecurityRule r) {
    return (nsgName == null ? dev.lbtriage.rules.facts.ArmId.name(r.nsgId()) : nsgName) + "/" + r.name() + "@" + r.priority();
  }

  /** One line, e.g. {@code denied by nsg-web/DenyAll@100 (subnet NSG, from nsgs.json)}. */
  public String describe() {
    String where = level.label() + (originFile == null ? "" : ", from " + originFile);
    StringBuilder b = new StringBuilder();
    if (decidingRule != null) {
      b.append(switch (verdict) {
        case ALLOW -> "allowed by ";
        case DENY -> "denied by ";
        case UNKNOWN -> "undecided at ";
      }).append(label(decidingRule)).append(" (").append(where).append(')');
    } else {
      b.append(switch (verdict) {
        case ALLOW -> "allowed";
        case DENY -> "denied";
        case UNKNOWN -> "unknown";
      });
      if (nsgName != null) {
        b.append(" by ").append(nsgName).append(" (").append(where).append(')');
      } else if (level != NsgLevel.SUBNET_AND_NIC) {
        b.append(" at the ").append(level.label());
      }
    }
    if (reason != null) {
      b.append(": ").append(reason);
    }
    if (!undecidedRules.isEmpty() && verdict != Verdict.UNKNOWN) {
      b.append(" (whether ").append(undecidedRules.stream().map(this::label).collect(Collectors.joining(", ")))
          .append(" match could not be told; they would decide the same)");
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
