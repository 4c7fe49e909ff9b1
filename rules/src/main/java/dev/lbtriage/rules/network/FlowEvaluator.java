package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.EffectiveSecurityRules.EffectiveNsg;
import dev.lbtriage.rules.facts.MissingFact;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a flow at a NIC from {@link AzureFacts}: finds the NIC (by id or private IP), its
 * subnet, the subnet's NSG, the NIC's NSG and the VNet (for the {@code VirtualNetwork} tag). The
 * NIC's effective security rules win when the facts have them. A level whose NSG is not attached
 * allows, except that with no NSG at any level an inbound flow through a Standard SKU public
 * frontend is denied ({@link Ingress}: Standard is closed by default); a level that cannot be
 * known (subnet, NSG or NIC not in the facts, or an NSG with a rule left out as unreadable) is
 * {@link Verdict#UNKNOWN} with the reason, never "allowed". Rules on application security groups are decided from the NIC IP configurations'
 * membership in the facts ({@link AsgMembership#fromFacts}).
 *
 * <p>NSGs are stateful (https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview,
 * "a flow record is created for existing connections [...] If inbound traffic is allowed over a
 * port, it's not necessary to specify an outbound security rule to respond"): the reply to an
 * admitted inbound flow (a health probe, a client connection) is never judged by outbound rules,
 * so callers judge those flows by their inbound direction only.
 */
public final class FlowEvaluator {
  private FlowEvaluator() {}

  /** A flow with no load balancer semantics ({@link Ingress#DIRECT}); ASG membership from the facts. */
  public static FlowVerdict forNic(AzureFacts facts, String nicIdOrIp, Flow flow) {
    return evaluate(facts, nicIdOrIp, flow, null, Ingress.DIRECT);
  }

  /**
   * A flow that reaches the NIC as {@code ingress} says (through a Standard public frontend, "no
   * NSG at all" denies it); ASG membership from the facts.
   */
  public static FlowVerdict forNic(AzureFacts facts, String nicIdOrIp, Flow flow, Ingress ingress) {
    return evaluate(facts, nicIdOrIp, flow, null, ingress);
  }

  /** With the given ASG membership instead of the facts'. */
  public static FlowVerdict forNic(AzureFacts facts, String nicIdOrIp, Flow flow, AsgMembership asgs) {
    return evaluate(facts, nicIdOrIp, flow, asgs, Ingress.DIRECT);
  }

  private static FlowVerdict evaluate(AzureFacts facts, String nicIdOrIp, Flow flow, AsgMembership asgs, Ingress ingress) {
    List<String> notes = new ArrayList<>();
    Optional<NetworkInterface> found = findNic(facts, nicIdOrIp);
    if (found.isEmpty()) {
      notes.add("NIC '" + nicIdOrIp + "' is not in the facts" + missingReason(facts, nicIdOrIp));
      return FlowVerdict.of(flow, List.of(), notes);
    }
    NetworkInterface nic = found.get();
    NicIpConfiguration ipc = ipConfiguration(nic, nicIdOrIp);
    String subnetId = ipc == null ? null : ipc.subnetId();
    Optional<Subnet> subnet = subnetId == null ? Optional.empty() : facts.subnet(subnetId);
    String vnetId = subnet.map(Subnet::vnetId).orElse(subnetId == null ? null : ArmId.parent(subnetId));
    Optional<VirtualNetwork> vnet = vnetId == null ? Optional.empty() : facts.vnet(vnetId);
    if (vnet.isEmpty()) {
      notes.add("VNet " + (vnetId == null ? "of the NIC" : "'" + ArmId.name(vnetId) + "'")
          + " is not in the facts: rules on VirtualNetwork/Internet may be undecidable");
    }
    NetworkContext base = NetworkContext.of(vnet.orElse(null));
    NetworkContext ctx = base.withAsgs(asgs != null ? asgs : AsgMembership.fromFacts(facts, base));

    Optional<EffectiveSecurityRules> effective = facts.effectiveSecurityRulesOf(nic.id());
    if (effective.isPresent()) {
      notes.add("evaluated the NIC's effective security rules" + fromFile(effective.get().origin()));
      List<NsgDecision> decisions = effectiveDecisions(effective.get(), flow, ctx);
      return FlowVerdict.of(flow, closedByDefault(decisions, flow, ctx, ingress,
          "the effective security rules of NIC '" + nic.name() + "' list no NSG"), notes);
    }

    NsgDecision subnetDecision;
    if (subnetId == null) {
      subnetDecision = NsgDecision.missing(NsgLevel.SUBNET, null, "the NIC's subnet is not known");
    } else if (subnet.isEmpty()) {
      subnetDecision = NsgDecision.missing(NsgLevel.SUBNET, null,
          "subnet '" + ArmId.name(subnetId) + "' is not in the facts" + missingReason(facts, subnetId) + ", so its NSG is unknown");
    } else if (subnet.get().nsgId() == null) {
      subnetDecision = NsgDecision.noNsg(NsgLevel.SUBNET, "no NSG on subnet '" + subnet.get().name() + "'");
    } else {
      subnetDecision = nsgDecision(facts, subnet.get().nsgId(), NsgLevel.SUBNET, flow, ctx);
    }
    NsgDecision nicDecision = nic.nsgId() == null
        ? NsgDecision.noNsg(NsgLevel.NIC, "no NSG on NIC '" + nic.name() + "'")
        : nsgDecision(facts, nic.nsgId(), NsgLevel.NIC, flow, ctx);
    List<NsgDecision> decisions = flow.direction() == Direction.INBOUND
        ? List.of(subnetDecision, nicDecision)
        : List.of(nicDecision, subnetDecision);
    String where = "no NSG on subnet '" + subnet.map(Subnet::name).orElse("?") + "' nor on NIC '" + nic.name() + "'";
    return FlowVerdict.of(flow, closedByDefault(decisions, flow, ctx, ingress, where), notes);
  }

  /**
   * For an inbound flow at a NIC with no NSG at any level, what {@code ingress} makes of it (see
   * {@link Ingress}); otherwise the decisions as they are.
   */
  private static List<NsgDecision> closedByDefault(List<NsgDecision> decisions, Flow flow, NetworkContext ctx, Ingress ingress,
      String where) {
    if (flow.direction() != Direction.INBOUND || !decisions.stream().allMatch(FlowEvaluator::noNsg)) {
      return decisions;
    }
    NsgDecision d = ingress.withoutNsg(flow, ctx, where);
    return d == null ? decisions : List.of(d);
  }

  private static boolean noNsg(NsgDecision d) {
    return d.verdict() == Verdict.ALLOW && d.nsgId() == null && d.decidingRule() == null;
  }

  /** The groups of a NIC's effective rules, subnet first inbound and NIC first outbound. */
  static List<NsgDecision> effectiveDecisions(EffectiveSecurityRules effective, Flow flow, NetworkContext ctx) {
    List<EffectiveNsg> groups = new ArrayList<>(effective.groups());
    Comparator<EffectiveNsg> subnetFirst = Comparator.comparingInt(g -> level(g) == NsgLevel.NIC ? 1 : 0);
    groups.sort(flow.direction() == Direction.INBOUND ? subnetFirst : subnetFirst.reversed());
    List<NsgDecision> out = new ArrayList<>();
    for (EffectiveNsg g : groups) {
      out.add(NsgEvaluator.evaluate(g, level(g), effective.origin(), flow, ctx));
    }
    if (out.isEmpty()) {
      out.add(NsgDecision.noNsg(NsgLevel.SUBNET_AND_NIC, "the effective security rules list no NSG"));
    }
    return out;
  }

  private static NsgLevel level(EffectiveNsg g) {
    if (g.subnetId() != null && g.nicId() != null) {
      return NsgLevel.SUBNET_AND_NIC;
    }
    return g.nicId() != null ? NsgLevel.NIC : g.subnetId() != null ? NsgLevel.SUBNET : NsgLevel.SUBNET_AND_NIC;
  }

  private static NsgDecision nsgDecision(AzureFacts facts, String nsgId, NsgLevel level, Flow flow, NetworkContext ctx) {
    Optional<NetworkSecurityGroup> nsg = facts.nsg(nsgId);
    if (nsg.isEmpty()) {
      return NsgDecision.missing(level, nsgId,
          "NSG '" + ArmId.name(nsgId) + "' is attached but not in the facts" + missingReason(facts, nsgId));
    }
    NsgDecision d = NsgEvaluator.evaluate(nsg.get(), level, flow, ctx);
    List<String> leftOut = facts.derived(LEFT_OUT_RULES, FlowEvaluator::leftOutRules).getOrDefault(ArmId.normalize(nsgId), List.of());
    return leftOut.isEmpty() ? d : d.incomplete(leftOut);
  }

  /** The names of the rules left out of each NSG as unreadable ({@link MissingFact#SECURITY_RULE}), by normalised NSG id. */
  private static Map<String, List<String>> leftOutRules(AzureFacts facts) {
    Map<String, List<String>> byNsg = new HashMap<>();
    for (MissingFact m : facts.missing()) {
      if (MissingFact.SECURITY_RULE.equals(m.kind()) && m.referencedBy() != null && m.reference() != null) {
        byNsg.computeIfAbsent(ArmId.normalize(m.referencedBy()), k -> new ArrayList<>()).add(ArmId.name(m.reference()));
      }
    }
    return byNsg;
  }

  static Optional<NetworkInterface> findNic(AzureFacts facts, String nicIdOrIp) {
    Optional<NetworkInterface> byId = facts.nic(nicIdOrIp);
    if (byId.isPresent() || !IpPrefix.isAddress(nicIdOrIp)) {
      return byId;
    }
    return Optional.ofNullable(facts.derived(NICS_BY_PRIVATE_IP, FlowEvaluator::nicsByPrivateIp)
        .get(IpPrefix.parse(nicIdOrIp)));
  }

  private static final Object NICS_BY_PRIVATE_IP = new Object();
  private static final Object MISSING_BY_REFERENCE = new Object();
  private static final Object LEFT_OUT_RULES = new Object();

  /** Each private address of the NICs to the first NIC (in list order) with an IP configuration on it. */
  private static Map<IpPrefix, NetworkInterface> nicsByPrivateIp(AzureFacts facts) {
    Map<IpPrefix, NetworkInterface> byIp = new HashMap<>();
    for (NetworkInterface n : facts.networkInterfaces()) {
      for (NicIpConfiguration c : n.ipConfigurations()) {
        if (c.privateIp() != null && IpPrefix.isAddress(c.privateIp())) {
          byIp.putIfAbsent(IpPrefix.parse(c.privateIp()), n);
        }
      }
    }
    return byIp;
  }

  /** The missing facts by normalised reference, the first of each. */
  private static Map<String, MissingFact> missingByReference(AzureFacts facts) {
    Map<String, MissingFact> byReference = new HashMap<>();
    for (MissingFact m : facts.missing()) {
      if (m.reference() != null) {
        byReference.putIfAbsent(ArmId.normalize(m.reference()), m);
      }
    }
    return byReference;
  }

  static NicIpConfiguration ipConfiguration(NetworkInterface nic, String nicIdOrIp) {
    if (IpPrefix.isAddress(nicIdOrIp)) {
      IpPrefix ip = IpPrefix.parse(nicIdOrIp);
      for (NicIpConfiguration c : nic.ipConfigurations()) {
        if (c.privateIp() != null && IpPrefix.isAddress(c.privateIp()) && IpPrefix.parse(c.privateIp()).equals(ip)) {
          return c;
        }
      }
    }
    return nic.ipConfigurations().stream().filter(NicIpConfiguration::primary).findFirst()
        .orElse(nic.ipConfigurations().isEmpty() ? null : nic.ipConfigurations().get(0));
  }

  private static String missingReason(AzureFacts facts, String reference) {
    MissingFact m = reference == null ? null
        : facts.derived(MISSING_BY_REFERENCE, FlowEvaluator::missingByReference).get(ArmId.normalize(reference));
    return Optional.ofNullable(m).map(MissingFact::reason).map(r -> " (" + r + ")").orElse("");
  }

  private static String fromFile(dev.lbtriage.rules.facts.Origin o) {
    return o == null || o.file() == null ? "" : " (from " + o.file() + ")";
  }
}
