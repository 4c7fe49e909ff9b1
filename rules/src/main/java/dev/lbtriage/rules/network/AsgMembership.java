package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.ArmId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers whether a flow endpoint (an IP address, or a service tag) belongs to an application
 * security group. The facts do not carry ASG membership, so the default answers
 * {@link Match#UNKNOWN}; callers that know the members pass {@link #of(Map)}.
 */
@FunctionalInterface
public interface AsgMembership {
  RuleMatch isMember(String asgId, String endpoint);

  /** Knows nothing: every ASG rule is undecidable. */
  static AsgMembership unknown() {
    return (asg, endpoint) -> RuleMatch.unknown("membership of application security group '" + ArmId.name(asg)
        + "' is not in the facts");
  }

  /**
   * Known members: ASG id (compared without regard to case) to the private IPs of its NIC IP
   * configurations. An ASG not in the map, or an endpoint that is a service tag, is unknown.
   */
  static AsgMembership of(Map<String, Set<String>> members) {
    Map<String, Set<String>> m = new HashMap<>();
    members.forEach((k, v) -> m.put(ArmId.normalize(k), Set.copyOf(v)));
    return (asg, endpoint) -> {
      Set<String> ips = m.get(ArmId.normalize(asg));
      if (ips == null) {
        return unknown().isMember(asg, endpoint);
      }
      if (!IpPrefix.isAddress(endpoint)) {
        return RuleMatch.unknown("'" + endpoint + "' is a service tag; whether it is in application security group '"
            + ArmId.name(asg) + "' cannot be told");
      }
      IpPrefix p = IpPrefix.parse(endpoint);
      return ips.stream().anyMatch(ip -> IpPrefix.parse(ip).equals(p)) ? RuleMatch.YES : RuleMatch.NO;
    };
  }
}
