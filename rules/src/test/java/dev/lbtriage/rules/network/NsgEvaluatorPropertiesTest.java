package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.SecurityRule;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random NSGs and flows over a small universe, checked against a brute-force reference that knows
 * nothing of the evaluator's sets and sorting: it expands tags and ports to explicit sample
 * addresses and ports, tests containment bit by bit, scans for the lowest priority linearly, and
 * treats a rule it cannot decide (unresolvable tag, unknown ASG, ICMP vs. port limits) as "may or
 * may not match". The evaluator must never be wrong: when it decides, every possible world agrees;
 * for a concrete flow with nothing undecidable, it must decide exactly as the reference, same rule.
 */
class NsgEvaluatorPropertiesTest {
  static final String NSG_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-prop";
  static final String VNET = "10.0.0.0/16";
  static final String LB = "168.63.129.16";
  static final NetworkContext CTX = NetworkContext.ofPrefixes(VNET)
      .withAsgs(AsgMembership.of(Map.of("asg-web", Set.of("10.0.1.4"))));

  static final List<String> ADDRESS_TOKENS = List.of("*", "Any", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "10.0.1.4",
      "10.0.1.4/32", "192.168.0.0/16", "0.0.0.0/0", "168.63.129.16", "168.63.129.16/32", "20.0.0.0/8", "20.1.2.3",
      "VirtualNetwork", "Internet", "internet", "AzureLoadBalancer", "AZURE_LOADBALANCER", "Storage", "AzureCloud.westus",
      "::/0", "2001:db8::/32");
  static final List<String> PORT_TOKENS = List.of("*", "80", "443", "0-65535", "80-90", "1-1024", "3389", "8000-8080", "65535",
      "0-79", "91-65535");
  static final List<String> SOURCES = List.of("10.0.1.4", "10.0.0.5", "10.0.1.77", "192.168.3.3", "168.63.129.16", "20.1.2.3",
      "1.1.1.1", "2001:db8::1", "AzureLoadBalancer", "Internet", "VirtualNetwork", "virtualnetwork");
  static final List<String> DESTINATIONS = List.of("10.0.1.4", "10.0.0.5", "20.1.2.3", "1.1.1.1", "192.168.3.3", "2001:db8::1");
  static final List<Integer> SAMPLE_PORTS = List.of(0, 1, 22, 79, 80, 85, 90, 91, 443, 1024, 1025, 3389, 7999, 8000, 8080, 8081,
      50000, 65535);

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<NetworkSecurityGroup> nsgs() {
    Arbitrary<List<String>> addr = Arbitraries.of(ADDRESS_TOKENS).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<String>> ports = Arbitraries.of(PORT_TOKENS).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<String>> srcPorts = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(List.of("*"))), net.jqwik.api.Tuple.of(1, ports));
    Arbitrary<String> asg = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("asg-web")), net.jqwik.api.Tuple.of(1, Arbitraries.just("asg-unknown")));
    Arbitrary<SecurityRule> rule = Combinators.combine(
            Arbitraries.of(Direction.class), Arbitraries.of(Access.class), Arbitraries.of(TransportProtocol.class),
            addr, srcPorts, addr, ports, asg.list().ofSize(2))
        .as((dir, acc, proto, src, sp, dst, dp, asgs) -> {
          boolean srcAsg = !asgs.get(0).isEmpty();
          boolean dstAsg = !asgs.get(1).isEmpty();
          return new SecurityRule("r", NSG_ID, 0, dir, acc, proto, srcAsg ? List.of() : src, sp, dstAsg ? List.of() : dst, dp,
              List.of(), List.of(), srcAsg ? List.of(asgs.get(0)) : List.of(), dstAsg ? List.of(asgs.get(1)) : List.of(), false);
        });
    Arbitrary<Set<Integer>> priorities = Arbitraries.integers().between(100, 4096).set().ofMaxSize(8);
    return Combinators.combine(rule.list().ofSize(8), priorities, Arbitraries.of(true, false))
        .as((rules, prios, explicitDefaults) -> {
          List<SecurityRule> out = new ArrayList<>();
          Iterator<Integer> it = prios.iterator();
          for (int i = 0; it.hasNext(); i++) {
            out.add(withPriority(rules.get(i), "rule" + i, it.next()));
          }
          return new NetworkSecurityGroup(NSG_ID, "nsg-prop", "rg", out, explicitDefaults ? referenceDefaults() : List.of(), null);
        });
  }

  @Provide
  Arbitrary<Flow> flows() {
    Arbitrary<Integer> port = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(SAMPLE_PORTS)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Flow.ANY_PORT)));
    Arbitrary<Integer> srcPort = Arbitraries.of(Flow.ANY_PORT, Flow.ANY_PORT, 50000, 80);
    return Combinators.combine(Arbitraries.of(SOURCES), Arbitraries.of(DESTINATIONS), port, srcPort,
            Arbitraries.of(TransportProtocol.TCP, TransportProtocol.UDP, TransportProtocol.ICMP), Arbitraries.of(Direction.class))
        .as(Flow::new);
  }

  static SecurityRule withPriority(SecurityRule r, String name, int priority) {
    return new SecurityRule(name, r.nsgId(), priority, r.direction(), r.access(), r.protocol(), r.sourcePrefixes(), r.sourcePorts(),
        r.destinationPrefixes(), r.destinationPorts(), r.expandedSourcePrefixes(), r.expandedDestinationPrefixes(), r.sourceAsgIds(),
        r.destinationAsgIds(), r.isDefault());
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 300)
  void evaluatorNeverDisagreesWithBruteForce(@ForAll("nsgs") NetworkSecurityGroup nsg, @ForAll("flows") Flow flow) {
    NsgDecision d = NsgEvaluator.evaluate(nsg, flow, CTX);
    Reference ref = reference(nsg, flow);
    Statistics.collect(d.verdict(), ref.possible.size() == 1 ? "ref decided" : "ref undecided");
    if (d.verdict() != Verdict.UNKNOWN) {
      assertThat(ref.possible).as("possible outcomes when the evaluator says %s (%s)", d.verdict(), d.describe())
          .containsExactly(d.verdict() == Verdict.ALLOW ? Access.ALLOW : Access.DENY);
    }
    if (ref.exact) {
      assertThat(d.verdict()).as(d.describe()).isNotEqualTo(Verdict.UNKNOWN);
      assertThat(d.decidingRule() == null ? null : d.decidingRule().name()).as(d.describe()).isEqualTo(ref.rule);
    }
  }

  @Property(tries = 300)
  void addingALowerPriorityRuleNeverChangesADecidedVerdict(
      @ForAll("nsgs") NetworkSecurityGroup nsg, @ForAll("flows") Flow flow, @ForAll("nsgs") NetworkSecurityGroup donor) {
    NsgDecision before = NsgEvaluator.evaluate(nsg, flow, CTX);
    if (before.verdict() == Verdict.UNKNOWN || before.decidingRule() == null || donor.rules().isEmpty()) {
      return;
    }
    int used = nsg.rules().stream().mapToInt(SecurityRule::priority).max().orElse(100);
    int p = Math.max(before.decidingRule().priority(), used) + 1;
    if (p >= 65000) {
      return;
    }
    List<SecurityRule> rules = new ArrayList<>(nsg.rules());
    rules.add(withPriority(donor.rules().get(0), "added", p));
    NsgDecision after = NsgEvaluator.evaluate(
        new NetworkSecurityGroup(nsg.id(), nsg.name(), "rg", rules, nsg.defaultRules(), null), flow, CTX);
    assertThat(after.verdict()).isEqualTo(before.verdict());
    assertThat(after.decidingRule()).isEqualTo(before.decidingRule());
  }

  @Property(tries = 200)
  void payloadOrderAndExplicitDefaultsDoNotMatter(@ForAll("nsgs") NetworkSecurityGroup nsg, @ForAll("flows") Flow flow, @ForAll long seed) {
    NsgDecision d = NsgEvaluator.evaluate(nsg, flow, CTX);
    List<SecurityRule> shuffled = new ArrayList<>(nsg.rules());
    Collections.shuffle(shuffled, new Random(seed));
    List<SecurityRule> defaults = nsg.defaultRules().isEmpty() ? referenceDefaults() : List.of();
    NsgDecision other = NsgEvaluator.evaluate(new NetworkSecurityGroup(nsg.id(), nsg.name(), "rg", shuffled, defaults, null), flow, CTX);
    assertThat(other.verdict()).isEqualTo(d.verdict());
    assertThat(other.ruleLabel()).isEqualTo(d.ruleLabel());
  }

  // ---------------------------------------------------------------- reference

  /** Hand-written defaults, independent of NsgEvaluator's list. */
  static List<SecurityRule> referenceDefaults() {
    return List.of(
        def("AllowVnetInBound", 65000, Direction.INBOUND, Access.ALLOW, "VirtualNetwork", "VirtualNetwork"),
        def("AllowAzureLoadBalancerInBound", 65001, Direction.INBOUND, Access.ALLOW, "AzureLoadBalancer", "*"),
        def("DenyAllInBound", 65500, Direction.INBOUND, Access.DENY, "*", "*"),
        def("AllowVnetOutBound", 65000, Direction.OUTBOUND, Access.ALLOW, "VirtualNetwork", "VirtualNetwork"),
        def("AllowInternetOutBound", 65001, Direction.OUTBOUND, Access.ALLOW, "*", "Internet"),
        def("DenyAllOutBound", 65500, Direction.OUTBOUND, Access.DENY, "*", "*"));
  }

  static SecurityRule def(String name, int prio, Direction d, Access a, String src, String dst) {
    return new SecurityRule(name, NSG_ID, prio, d, a, TransportProtocol.ALL, List.of(src), List.of("*"), List.of(dst), List.of("*"),
        List.of(), List.of(), List.of(), List.of(), true);
  }

  /** Possible outcomes over all samples and all undecidable worlds; exact when one sample and nothing undecidable. */
  record Reference(Set<Access> possible, boolean exact, String rule) {}

  enum T { TRUE, FALSE, MAYBE }

  static Reference reference(NetworkSecurityGroup nsg, Flow flow) {
    List<SecurityRule> rules = new ArrayList<>(nsg.rules());
    rules.addAll(nsg.defaultRules().isEmpty() ? referenceDefaults() : nsg.defaultRules());
    List<String> srcSamples = samples(flow.source());
    List<Integer> dstPorts = flow.destinationPort() == Flow.ANY_PORT ? SAMPLE_PORTS : List.of(flow.destinationPort());
    List<Integer> srcPorts = flow.sourcePort() == Flow.ANY_PORT ? SAMPLE_PORTS : List.of(flow.sourcePort());
    Set<Access> possible = EnumSet.noneOf(Access.class);
    boolean sawMaybe = false;
    String decidedBy = null;
    for (String src : srcSamples) {
      for (int dp : dstPorts) {
        for (int sp : srcPorts) {
          List<SecurityRule> left = new ArrayList<>(rules);
          boolean matched = false;
          while (!left.isEmpty()) {
            SecurityRule min = null;
            for (SecurityRule r : left) { // linear scan for the lowest priority
              if (min == null || r.priority() < min.priority()) {
                min = r;
              }
            }
            left.remove(min);
            if (min.direction() != flow.direction()) {
              continue;
            }
            T t = ruleMatches(min, flow, src, sp, dp);
            if (t == T.TRUE) {
              possible.add(min.access());
              decidedBy = min.name();
              matched = true;
              break;
            }
            if (t == T.MAYBE) {
              possible.add(min.access());
              sawMaybe = true;
            }
          }
          if (!matched) {
            possible.add(Access.DENY);
            decidedBy = null;
          }
        }
      }
    }
    boolean exact = !sawMaybe && srcSamples.size() == 1 && dstPorts.size() == 1 && srcPorts.size() == 1;
    return new Reference(possible, exact, decidedBy);
  }

  static List<String> samples(String endpoint) {
    return switch (endpoint.toLowerCase(java.util.Locale.ROOT)) {
      case "virtualnetwork" -> List.of("10.0.0.5", "10.0.1.4", "10.0.1.77", "10.0.200.1");
      case "internet" -> List.of("1.1.1.1", "20.1.2.3", "192.168.3.3", "10.9.9.9", "172.16.0.1");
      case "azureloadbalancer" -> List.of(LB);
      default -> List.of(endpoint);
    };
  }

  static T ruleMatches(SecurityRule r, Flow flow, String src, int sp, int dp) {
    if (r.protocol() != TransportProtocol.ALL && r.protocol() != flow.protocol()) {
      return T.FALSE;
    }
    return and(and(side(r.sourcePrefixes(), r.sourceAsgIds(), src), ports(r.sourcePorts(), sp, flow.protocol())),
        and(side(r.destinationPrefixes(), r.destinationAsgIds(), flow.destinationIp()), ports(r.destinationPorts(), dp, flow.protocol())));
  }

  static T and(T a, T b) {
    return a == T.FALSE || b == T.FALSE ? T.FALSE : a == T.TRUE && b == T.TRUE ? T.TRUE : T.MAYBE;
  }

  static T side(List<String> tokens, List<String> asgs, String addr) {
    T out = T.FALSE;
    for (String t : tokens) {
      T m = token(t, addr);
      out = m == T.TRUE || out == T.TRUE ? T.TRUE : m == T.MAYBE || out == T.MAYBE ? T.MAYBE : T.FALSE;
    }
    for (String a : asgs) {
      T m = a.equals("asg-web") ? (addr.equals("10.0.1.4") ? T.TRUE : T.FALSE) : T.MAYBE;
      out = m == T.TRUE || out == T.TRUE ? T.TRUE : m == T.MAYBE || out == T.MAYBE ? T.MAYBE : T.FALSE;
    }
    return out;
  }

  static T token(String t, String addr) {
    return switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "*", "any" -> T.TRUE;
      case "virtualnetwork" -> bits(VNET, addr) ? T.TRUE : T.FALSE;
      case "azureloadbalancer", "azure_loadbalancer" -> addr.equals(LB) ? T.TRUE : T.FALSE;
      case "internet" -> !bits(VNET, addr) && !addr.equals(LB) ? T.TRUE : T.FALSE;
      case "storage", "azurecloud.westus" -> T.MAYBE;
      default -> bits(t, addr) ? T.TRUE : T.FALSE;
    };
  }

  /** Prefix containment on raw bytes, written independently of IpPrefix. */
  static boolean bits(String cidr, String addr) {
    String[] parts = cidr.split("/");
    byte[] net = bytes(parts[0]);
    byte[] a = bytes(addr);
    if (net.length != a.length) {
      return false;
    }
    int len = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
    for (int i = 0; i < len; i++) {
      int bn = (net[i / 8] >> (7 - i % 8)) & 1;
      int ba = (a[i / 8] >> (7 - i % 8)) & 1;
      if (bn != ba) {
        return false;
      }
    }
    return true;
  }

  static byte[] bytes(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress(); // literals only, no lookups
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  static T ports(List<String> tokens, int port, TransportProtocol protocol) {
    if (protocol == TransportProtocol.ICMP) {
      boolean all = SAMPLE_PORTS.stream().allMatch(p -> tokens.stream().anyMatch(t -> inRange(t, p)));
      return all ? T.TRUE : T.MAYBE;
    }
    return tokens.stream().anyMatch(t -> inRange(t, port)) ? T.TRUE : T.FALSE;
  }

  static boolean inRange(String t, int p) {
    if (t.equals("*")) {
      return true;
    }
    String[] ab = t.split("-");
    int lo = Integer.parseInt(ab[0]);
    int hi = ab.length == 2 ? Integer.parseInt(ab[1]) : lo;
    return lo <= p && p <= hi;
  }
}
