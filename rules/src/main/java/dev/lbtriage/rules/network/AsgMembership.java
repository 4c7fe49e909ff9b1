package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Answers whether a flow endpoint (an IP address, or a service tag) belongs to an application
 * security group. {@link #fromFacts} decides it from the NIC IP configurations in the facts
 * ({@code properties.applicationSecurityGroups}); {@link #unknown()} knows nothing.
 *
 * <p>How Azure works (https://learn.microsoft.com/azure/virtual-network/application-security-groups):
 * an ASG groups NIC IP configurations, and all of them must be in one virtual network. So an
 * address is in an ASG exactly when it is the private IP of a NIC IP configuration that lists the
 * ASG; the health probe's source 168.63.129.16 is no NIC and in no ASG; an address outside the
 * virtual network (and its peerings) is in no ASG. An address inside the virtual network whose
 * NIC is not in the facts cannot be told.
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

  /**
   * Membership as the facts' NIC IP configurations give it, within the virtual network of
   * {@code ctx} (its address space decides "outside the VNet"; unknown VNet: such addresses are
   * unknown).
   */
  static AsgMembership fromFacts(AzureFacts facts, NetworkContext ctx) {
    Map<IpPrefix, Set<String>> byIp = new HashMap<>();
    for (NetworkInterface n : facts.networkInterfaces()) {
      for (NicIpConfiguration c : n.ipConfigurations()) {
        if (c.privateIp() != null && IpPrefix.isAddress(c.privateIp())) {
          Set<String> asgs = byIp.computeIfAbsent(IpPrefix.parse(c.privateIp()), k -> new HashSet<>());
          c.applicationSecurityGroupIds().forEach(a -> asgs.add(ArmId.normalize(a)));
        }
      }
    }
    return (asg, endpoint) -> {
      String name = ArmId.name(asg);
      String tag = ServiceTags.canonical(endpoint).orElse(null);
      if (ServiceTags.AZURE_LOAD_BALANCER.equals(tag)
          || (IpPrefix.isAddress(endpoint) && IpPrefix.parse(endpoint).equals(IpPrefix.parse(ServiceTags.AZURE_LOAD_BALANCER_IP)))) {
        return RuleMatch.NO;
      }
      if (ServiceTags.INTERNET.equals(tag)) {
        return RuleMatch.NO;
      }
      if (!IpPrefix.isAddress(endpoint)) {
        return RuleMatch.unknown("'" + endpoint + "' is a service tag; whether it is in application security group '"
            + name + "' cannot be told");
      }
      IpPrefix ip = IpPrefix.parse(endpoint);
      Set<String> asgs = byIp.get(ip);
      if (asgs != null) {
        return asgs.contains(ArmId.normalize(asg)) ? RuleMatch.YES : RuleMatch.NO;
      }
      if (ctx.vnetKnown() && !ctx.virtualNetwork().intersects(AddressSet.of(endpoint))) {
        return RuleMatch.NO;
      }
      return RuleMatch.unknown("no NIC in the facts has address " + endpoint
          + ", so whether it is in application security group '" + name + "' cannot be told");
    };
  }
}
