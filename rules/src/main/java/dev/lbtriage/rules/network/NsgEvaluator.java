package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.EffectiveSecurityRules.EffectiveNsg;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evaluates a {@link Flow} against one NSG as Azure does: the rules of the flow's direction in
 * priority order, the first match decides, custom and default rules together (Azure's six defaults
 * are supplied when the payload left them out). When a rule's match cannot be told (an unresolvable
 * service tag, unknown ASG membership, a tag only partly covered, an unknown port) the scan goes on:
 * if every undecidable rule has the same access as the first rule that surely matches, that access
 * stands; otherwise the verdict is {@link Verdict#UNKNOWN} and names the first undecidable rule.
 * No rule matching at all denies (Azure's implicit deny; with the defaults present it cannot happen).
 */
public final class NsgEvaluator {
  private static final String DEFAULT_PREFIX = "defaultsecurityrules/";

  private NsgEvaluator() {}

  /** Evaluates a standalone NSG (level {@link NsgLevel#STANDALONE}). */
  public static NsgDecision evaluate(NetworkSecurityGroup nsg, Flow flow, NetworkContext ctx) {
    return evaluate(nsg, NsgLevel.STANDALONE, flow, ctx);
  }

  /** Evaluates an NSG attached at {@code level}: its custom rules and default rules. */
  public static NsgDecision evaluate(NetworkSecurityGroup nsg, NsgLevel level, Flow flow, NetworkContext ctx) {
    List<SecurityRule> defaults = completeDefaults(nsg.defaultRules(), nsg.id(), "");
    List<SecurityRule> rules = new ArrayList<>(nsg.rules());
    rules.addAll(defaults);
    String note = defaults.size() > nsg.defaultRules().size()
        ? (nsg.defaultRules().isEmpty() ? "default rules not in the payload; Azure's six assumed" : "some default rules not in the payload; Azure's assumed")
        : null;
    return evaluateRules(rules, flow, ctx, level, nsg.id(), nsg.name(), file(nsg.origin()), note);
  }

  /**
   * Evaluates one group of a NIC's effective security rules (expanded prefixes are used where
   * Azure gave them). Default rules the group lacks are supplied, as for an NSG.
   */
  public static NsgDecision evaluate(EffectiveNsg group, NsgLevel level, Origin origin, Flow flow, NetworkContext ctx) {
    List<SecurityRule> given = group.rules();
    List<SecurityRule> present = given.stream().filter(NsgEvaluator::isDefault).toList();
    List<SecurityRule> completed = completeDefaults(present, group.nsgId(), "defaultSecurityRules/");
    List<SecurityRule> rules = new ArrayList<>(given);
    rules.addAll(completed.subList(present.size(), completed.size()));
    String note = completed.size() > present.size() ? "some default rules not in the effective rules; Azure's assumed" : null;
    String name = group.nsgId() == null ? "effective-rules" : ArmId.name(group.nsgId());
    return evaluateRules(rules, flow, ctx, level, group.nsgId(), name, file(origin), note);
  }

  /**
   * Evaluates exactly {@code rules} (no defaults supplied).
   *
   * @param note added to the decision's reason when a default rule decides or nothing does (may be null)
   */
  public static NsgDecision evaluateRules(
      List<SecurityRule> rules, Flow flow, NetworkContext ctx, NsgLevel level, String nsgId, String nsgName, String originFile, String note) {
    List<SecurityRule> ordered = rules.stream()
        .filter(r -> r.direction() == flow.direction())
        .sorted(Comparator.comparingInt(SecurityRule::priority))
        .toList();
    List<SecurityRule> undecided = new ArrayList<>();
    String firstReason = null;
    for (SecurityRule r : ordered) {
      RuleMatch m = matches(r, flow, ctx);
      if (m.match() == Match.NO) {
        continue;
      }
      if (m.match() == Match.UNKNOWN) {
        if (undecided.isEmpty()) {
          firstReason = m.reason();
        }
        undecided.add(r);
        continue;
      }
      if (undecided.stream().allMatch(u -> u.access() == r.access())) {
        // the note on assumed defaults matters only when a default rule decided
        return new NsgDecision(level, nsgId, nsgName, originFile, Verdict.of(r.access()), r, undecided, r.isDefault() ? note : null);
      }
      return new NsgDecision(level, nsgId, nsgName, originFile, Verdict.UNKNOWN, undecided.get(0), undecided,
          join(firstReason + "; if it does not match, " + label(nsgName, r) + " " + verb(r.access()), note));
    }
    if (undecided.stream().allMatch(u -> u.access() == Access.DENY)) {
      return new NsgDecision(level, nsgId, nsgName, originFile, Verdict.DENY, null, undecided,
          join("no rule matched (implicit deny)", note));
    }
    return new NsgDecision(level, nsgId, nsgName, originFile, Verdict.UNKNOWN, undecided.get(0), undecided,
        join(firstReason, note));
  }

  /** Whether {@code rule} matches {@code flow} (direction, protocol, addresses and ASGs, ports). */
  public static RuleMatch matches(SecurityRule rule, Flow flow, NetworkContext ctx) {
    if (rule.direction() != flow.direction()) {
      return RuleMatch.NO;
    }
    if (rule.protocol() != TransportProtocol.ALL && rule.protocol() != flow.protocol()) {
      return RuleMatch.NO;
    }
    List<String> src = rule.expandedSourcePrefixes().isEmpty() ? rule.sourcePrefixes() : rule.expandedSourcePrefixes();
    List<String> dst = rule.expandedDestinationPrefixes().isEmpty() ? rule.destinationPrefixes() : rule.expandedDestinationPrefixes();
    RuleMatch m = side(src, rule.sourceAsgIds(), flow.source(), ctx, "source");
    if (m.match() == Match.NO) {
      return m;
    }
    m = m.and(ports(rule.destinationPorts(), flow.destinationPort(), flow.protocol(), "destination"));
    if (m.match() == Match.NO) {
      return m;
    }
    m = m.and(ports(rule.sourcePorts(), flow.sourcePort(), flow.protocol(), "source"));
    if (m.match() == Match.NO) {
      return m;
    }
    return m.and(side(dst, rule.destinationAsgIds(), flow.destinationIp(), ctx, "destination"));
  }

  /** Azure's six default rules, as every NSG has them. */
  public static List<SecurityRule> azureDefaultRules(String nsgId) {
    return completeDefaults(List.of(), nsgId, "");
  }

  /** {@code defaults} plus whichever of Azure's six is missing from it (by name), named with {@code namePrefix}. */
  static List<SecurityRule> completeDefaults(List<SecurityRule> defaults, String nsgId, String namePrefix) {
    List<SecurityRule> out = new ArrayList<>(defaults);
    Object[][] six = {
      {"AllowVnetInBound", 65000, Direction.INBOUND, Access.ALLOW, "VirtualNetwork", "VirtualNetwork"},
      {"AllowAzureLoadBalancerInBound", 65001, Direction.INBOUND, Access.ALLOW, "AzureLoadBalancer", "*"},
      {"DenyAllInBound", 65500, Direction.INBOUND, Access.DENY, "*", "*"},
      {"AllowVnetOutBound", 65000, Direction.OUTBOUND, Access.ALLOW, "VirtualNetwork", "VirtualNetwork"},
      {"AllowInternetOutBound", 65001, Direction.OUTBOUND, Access.ALLOW, "*", "Internet"},
      {"DenyAllOutBound", 65500, Direction.OUTBOUND, Access.DENY, "*", "*"},
    };
    for (Object[] d : six) {
      String name = (String) d[0];
      boolean present = defaults.stream().anyMatch(r -> bareName(r.name()).equalsIgnoreCase(name));
      if (!present) {
        out.add(new SecurityRule(namePrefix + name, nsgId, (Integer) d[1], (Direction) d[2], (Access) d[3], TransportProtocol.ALL,
            List.of((String) d[4]), List.of("*"), List.of((String) d[5]), List.of("*"), List.of(), List.of(), List.of(), List.of(), true));
      }
    }
    return out;
  }

  private static boolean isDefault(SecurityRule r) {
    return r.isDefault() || (r.name() != null && r.name().toLowerCase(Locale.ROOT).startsWith(DEFAULT_PREFIX));
  }

  private static String bareName(String name) {
    if (name == null) {
      return "";
    }
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  private static RuleMatch side(List<String> tokens, List<String> asgIds, String endpoint, NetworkContext ctx, String which) {
    if (tokens.isEmpty() && asgIds.isEmpty()) {
      return RuleMatch.unknown("the rule has no " + which + " address prefix or application security group");
    }
    RuleMatch m = tokens.isEmpty() ? RuleMatch.NO : addresses(tokens, endpoint, ctx, which);
    // AzureLoadBalancer is one address: ask about that address
    String member = ServiceTags.AZURE_LOAD_BALANCER.equals(ServiceTags.canonical(endpoint).orElse(null))
        ? ServiceTags.AZURE_LOAD_BALANCER_IP : endpoint;
    for (String asg : asgIds) {
      if (m.match() == Match.YES) {
        return m;
      }
      m = m.or(ctx.asgs().isMember(asg, member));
    }
    return m;
  }

  private static RuleMatch addresses(List<String> tokens, String endpoint, NetworkContext ctx, String which) {
    boolean endpointIsTag = ServiceTags.isServiceTag(endpoint);
    for (String t : tokens) {
      Optional<String> c = ServiceTags.canonical(t);
      if ((c.isPresent() && c.get().equals("*")) || (endpointIsTag && ServiceTags.sameTag(t, endpoint))) {
        return RuleMatch.YES;
      }
    }
    AddressSet known = AddressSet.empty();
    List<TagResolution.Unresolved> unresolved = new ArrayList<>();
    for (String t : tokens) {
      TagResolution r = ServiceTags.resolve(t, ctx);
      if (r instanceof TagResolution.Addresses a) {
        known = known.union(a.set());
      } else {
        unresolved.add((TagResolution.Unresolved) r);
      }
    }
    TagResolution e = ServiceTags.resolveEndpoint(endpoint, ctx);
    if (e instanceof TagResolution.Unresolved u) {
      boolean internet = ServiceTags.INTERNET.equals(ServiceTags.canonical(endpoint).orElse(null));
      if (known.containsAll(internet ? AddressSet.allIpv4() : AddressSet.all())) {
        return RuleMatch.YES;
      }
      return RuleMatch.unknown(u.reason());
    }
    AddressSet set = ((TagResolution.Addresses) e).set();
    if (known.containsAll(set)) {
      return RuleMatch.YES;
    }
    if (!unresolved.isEmpty()) {
      return RuleMatch.unknown(unresolved.get(0).reason());
    }
    if (!known.intersects(set)) {
      return RuleMatch.NO;
    }
    return RuleMatch.unknown("'" + endpoint + "' is only partly inside the rule's " + which + " " + String.join(", ", tokens)
        + (endpointIsTag ? "; give a concrete address to decide" : ""));
  }

  private static RuleMatch ports(List<String> tokens, int port, TransportProtocol protocol, String which) {
    if (tokens.isEmpty()) {
      return RuleMatch.unknown("the rule has no " + which + " port range");
    }
    List<PortRange> ranges = new ArrayList<>();
    for (String t : tokens) {
      try {
        ranges.add(PortRange.parse(t));
      } catch (IllegalArgumentException e) {
        return RuleMatch.unknown(e.getMessage());
      }
    }
    if (coversAll(ranges)) {
      return RuleMatch.YES;
    }
    String list = ranges.stream().map(PortRange::toString).collect(Collectors.joining(","));
    if (protocol == TransportProtocol.ICMP) {
      return RuleMatch.unknown("ICMP has no ports and the rule limits " + which + " ports to " + list);
    }
    if (port == Flow.ANY_PORT) {
      return RuleMatch.unknown("the flow's " + which + " port is not given and the rule limits it to " + list);
    }
    return ranges.stream().anyMatch(r -> r.contains(port)) ? RuleMatch.YES : RuleMatch.NO;
  }

  private static boolean coversAll(List<PortRange> ranges) {
    List<PortRange> sorted = ranges.stream().sorted(Comparator.comparingInt(PortRange::from)).toList();
    int next = 0;
    for (PortRange r : sorted) {
      if (r.from() > next) {
        return false;
      }
      next = Math.max(next, r.to() + 1);
    }
    return next > PortRange.MAX;
  }

  private static String label(String nsgName, SecurityRule r) {
    return (nsgName == null ? ArmId.name(r.nsgId()) : nsgName) + "/" + r.name() + "@" + r.priority();
  }

  private static String verb(Access a) {
    return a == Access.ALLOW ? "allows" : "denies";
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " (" + b + ")";
  }

  private static String file(Origin o) {
    return o == null ? null : o.file();
  }
}
