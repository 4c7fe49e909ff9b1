package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.kb.model.Condition;
import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.BackendRoute;
import dev.lbtriage.rules.diagnosis.DecidingRule;
import dev.lbtriage.rules.diagnosis.ScaleSetProbe;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.ProbeProtocol;
import dev.lbtriage.rules.facts.RouteTable;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values that fill a KB text's placeholders ({@code {probePort}}, {@code {nsgName}}, ...), taken
 * from the facts about the load balancer, one backend, and what decided a cause; and the {@link
 * Condition}s that hold for them. A value the facts do not give stays absent: a text that needs it
 * is left out (see {@link Filler}), silently when the value cannot exist here (the probe path of a
 * TCP probe, the probe of a rule without one), with a note otherwise.
 */
final class PlaceholderValues {
  /** Lowest and highest priority of a custom NSG rule. */
  static final int MIN_PRIORITY = 100;
  static final int MAX_PRIORITY = 4096;
  /** Azure's default rules start at 65000; they cannot be deleted or re-prioritised. */
  static final int FIRST_DEFAULT_PRIORITY = 65000;

  private static final List<String> PROBE = List.of("probeName", "probePort", "probeProtocol", "probePath");
  private static final List<String> DECIDING = List.of("nsgRuleName", "nsgRulePriority", "freePriority", "movedPriority");
  private static final List<String> ROUTE = List.of("routeName", "routeTableName", "routeTableResourceGroup", "routePrefix",
      "nextHopIp");

  private final Map<String, String> values = new HashMap<>();
  private final Set<Condition> holds = EnumSet.noneOf(Condition.class);
  private boolean deciding;
  private boolean route;

  private PlaceholderValues() {}

  static PlaceholderValues of(AzureFacts facts, LoadBalancer lb) {
    PlaceholderValues v = new PlaceholderValues();
    v.put("lbName", lb.name());
    v.put("lbId", lb.id());
    v.put("resourceGroup", lb.resourceGroup() != null ? lb.resourceGroup() : ArmId.resourceGroup(lb.id()));
    v.put("subscriptionId", ArmId.subscription(lb.id()));
    v.holds.add(lb.internal() ? Condition.INTERNAL_LB : Condition.PUBLIC_LB);
    v.holds.add(Condition.HAS_NSG); // until a backend's NIC and subnet show none
    v.put("location", lb.location());
    lb.rules().stream().filter(r -> r.probeId() != null).findFirst().or(() -> lb.rules().stream().findFirst())
        .ifPresent(r -> v.rule(lb, r));
    if (!v.values.containsKey("probePort") && lb.rules().isEmpty()) {
      lb.probes().stream().findFirst().ifPresent(v::probe);
    }
    if (!v.values.containsKey("poolName")) {
      lb.pools().stream().findFirst().ifPresent(p -> v.put("poolName", p.name()));
    }
    return v;
  }

  PlaceholderValues rule(LoadBalancer lb, LoadBalancingRule r) {
    put("ruleName", r.name());
    if (r.floatingIp()) {
      holds.add(Condition.FLOATING_IP);
    } else {
      holds.remove(Condition.FLOATING_IP);
    }
    put("frontendPort", String.valueOf(r.frontendPort()));
    put("backendPort", String.valueOf(r.backendPort()));
    put("protocol", cap(r.protocol().name()));
    // an NSG rule writes All as * and has no port 0: an HA-ports rule (All, port 0) is every port
    put("nsgProtocol", r.protocol() == TransportProtocol.ALL ? "*" : cap(r.protocol().name()));
    put("nsgPorts", r.backendPort() == 0 ? "*" : String.valueOf(r.backendPort()));
    lb.frontends().stream().filter(f -> ArmId.same(f.id(), r.frontendId())).findFirst().map(Frontend::address)
        .ifPresent(a -> put("frontendIp", a));
    if (!r.backendPoolIds().isEmpty()) {
      put("poolName", ArmId.name(r.backendPoolIds().get(0)));
    }
    PROBE.forEach(values::remove);
    lb.probes().stream().filter(p -> ArmId.same(p.id(), r.probeId())).findFirst().ifPresent(this::probe);
    return this;
  }

  private void probe(HealthProbe p) {
    put("probeName", p.name());
    put("probePort", String.valueOf(p.port()));
    put("probeProtocol", cap(p.protocol().name()));
    String path = p.protocol() == ProbeProtocol.TCP || p.requestPath() == null || p.requestPath().isBlank() ? null : p.requestPath().strip();
    // Azure keeps a path as given ("healthcheck.aspx"); the probe requests it from the root, and a URL needs the slash
    put("probePath", path == null || path.startsWith("/") ? path : "/" + path);
  }

  /** The backend a question or a fix is about. */
  PlaceholderValues backend(AzureFacts facts, LoadBalancer lb, Backend b) {
    // a scale set instance whose NIC is not in the facts has no known address ("?"): a command that needs it is
    // left out with a note, never printed with a hole. `az vm` and `--vm/--nic` commands name standalone VMs and
    // their NICs; for scale set instances they would be refused, so their names are not offered either.
    put("backendIp", "?".equals(b.ip()) ? null : b.ip());
    put("vmName", b.vmssId() != null ? null : b.vmName());
    holds.remove(Condition.VM_STOPPED);
    holds.remove(Condition.VM_NOT_STOPPED);
    holds.add(b.down() ? Condition.VM_STOPPED : Condition.VM_NOT_STOPPED);
    if (b.vmId() != null) {
      put("vmResourceGroup", ArmId.resourceGroup(b.vmId()));
    }
    if (b.vmssId() != null) {
      put("vmssName", ArmId.name(b.vmssId()));
      put("vmResourceGroup", ArmId.resourceGroup(b.vmssId()));
    }
    lb.rules().stream().filter(r -> r.probeId() != null && r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, b.poolId())))
        .findFirst().ifPresent(r -> rule(lb, r));
    Optional<NetworkInterface> nic = b.nicId() == null ? Optional.empty() : facts.nic(b.nicId());
    put("nicName", b.vmssId() != null ? null : nic.map(NetworkInterface::name).orElse(b.nicId() == null ? null : ArmId.name(b.nicId())));
    nic.ifPresent(n -> {
      if (b.vmId() == null && b.vmssId() == null) {
        put("vmResourceGroup", n.resourceGroup());
      }
      n.ipConfigurations().stream().filter(c -> b.ip() != null && b.ip().equals(c.privateIp())).findFirst()
          .or(() -> n.ipConfigurations().stream().filter(NicIpConfiguration::primary).findFirst())
          .map(NicIpConfiguration::subnetId).ifPresent(sid -> {
            put("subnetName", ArmId.name(sid));
            put("vnetName", ArmId.name(ArmId.parent(sid)));
            put("vnetResourceGroup", ArmId.resourceGroup(sid));
            Optional<Subnet> subnet = facts.subnet(sid);
            String nsgId = n.nsgId() != null ? n.nsgId() : subnet.map(Subnet::nsgId).orElse(null);
            nsg(nsgId);
            if (nsgId == null && subnet.isPresent()) {
              noNsg(facts, lb, sid);
            }
          });
    });
    return this;
  }

  /**
   * Neither the backend's subnet nor its NIC has an NSG: a fix creates one (in the virtual network's
   * resource group and the load balancer's region, which a regional load balancer shares with its
   * backends) under a name no NSG in the facts has, then attaches it.
   */
  private void noNsg(AzureFacts facts, LoadBalancer lb, String subnetId) {
    holds.remove(Condition.HAS_NSG);
    holds.add(Condition.NO_NSG);
    String rg = ArmId.resourceGroup(subnetId);
    String base = lb.name() + "-backends-nsg";
    String name = base;
    for (int i = 2; taken(facts, rg, name); i++) {
      name = base + "-" + i;
    }
    put("newNsgName", name);
    put("newNsgId", "/subscriptions/" + ArmId.subscription(subnetId) + "/resourceGroups/" + rg
        + "/providers/Microsoft.Network/networkSecurityGroups/" + name);
  }

  private static boolean taken(AzureFacts facts, String rg, String name) {
    return facts.networkSecurityGroups().stream().anyMatch(n -> n.name().equalsIgnoreCase(name)
        && (rg == null || rg.equalsIgnoreCase(n.resourceGroup() != null ? n.resourceGroup() : ArmId.resourceGroup(n.id()))));
  }

  private void nsg(String nsgId) {
    if (nsgId != null) {
      put("nsgName", ArmId.name(nsgId));
      put("nsgResourceGroup", ArmId.resourceGroup(nsgId));
    }
  }

  /**
   * The NSG rule that denied a flow, and where an allow rule can go: the free priority nearest above
   * it (so the new rule overtakes the deny and as few other rules as possible), or, when none is
   * free above a custom rule, the free priority right below it to move that rule to.
   */
  PlaceholderValues deciding(DecidingRule d) {
    deciding = true;
    nsg(d.nsgId());
    put("nsgRuleName", d.ruleName());
    put("nsgRulePriority", String.valueOf(d.priority()));
    boolean isDefault = d.priority() >= FIRST_DEFAULT_PRIORITY;
    holds.add(isDefault ? Condition.DEFAULT_DENY_RULE : Condition.CUSTOM_DENY_RULE);
    Optional<Integer> free = freePriorityAbove(d.priority(), d.usedPriorities());
    free.ifPresent(p -> put("freePriority", String.valueOf(p)));
    int below = d.priority() + 1;
    if (free.isPresent()) {
      holds.add(Condition.FREE_PRIORITY);
    } else if (!isDefault && below <= MAX_PRIORITY && !d.usedPriorities().contains(below)) {
      put("movedPriority", String.valueOf(below));
      holds.add(Condition.ROOM_BELOW);
    } else {
      holds.add(Condition.NO_ROOM);
    }
    return this;
  }

  /** The highest free priority (100-4096) that is still evaluated before {@code denying}; empty when none. */
  static Optional<Integer> freePriorityAbove(int denying, List<Integer> used) {
    Set<Integer> taken = new HashSet<>(used);
    for (int p = Math.min(denying - 1, MAX_PRIORITY); p >= MIN_PRIORITY; p--) {
      if (!taken.contains(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A user-defined route that diverts the backend's traffic; its table is looked up in the facts when the route does not say. */
  PlaceholderValues route(AzureFacts facts, BackendRoute r, String subnetId) {
    route = true;
    holds.add(Condition.DIVERTING_ROUTE);
    put("routeName", r.routeName());
    put("routePrefix", r.prefix());
    put("nextHopIp", r.nextHopIp());
    Optional<RouteTable> table = r.routeName() == null ? Optional.empty() : facts.routeTables().stream()
        .filter(t -> r.routeTableName() == null || t.name().equalsIgnoreCase(r.routeTableName()))
        .filter(t -> t.routes().stream().anyMatch(x -> x.name().equalsIgnoreCase(r.routeName())))
        .sorted((a, b) -> Boolean.compare(!onSubnet(facts, a, subnetId), !onSubnet(facts, b, subnetId)))
        .findFirst();
    put("routeTableName", table.map(RouteTable::name).orElse(r.routeTableName()));
    put("routeTableResourceGroup", table.map(t -> t.resourceGroup() != null ? t.resourceGroup() : ArmId.resourceGroup(t.id()))
        .orElse(null));
    return this;
  }

  private static boolean onSubnet(AzureFacts facts, RouteTable t, String subnetId) {
    return subnetId != null && facts.subnet(subnetId).map(s -> ArmId.same(s.routeTableId(), t.id())).orElse(false);
  }

  PlaceholderValues scaleSet(LoadBalancer lb, ScaleSetProbe p) {
    lb.rules().stream().filter(r -> ArmId.same(r.id(), p.ruleId())).findFirst().ifPresent(r -> rule(lb, r));
    lb.probes().stream().filter(x -> ArmId.same(x.id(), p.probeId())).findFirst().ifPresent(this::probe);
    put("vmssName", ArmId.name(p.vmssId()));
    put("vmResourceGroup", ArmId.resourceGroup(p.vmssId()));
    put("ruleName", p.ruleName());
    return this;
  }

  PlaceholderValues put(String name, String value) {
    if (value != null && !value.isBlank()) {
      values.put(name, value);
    } else {
      values.remove(name);
    }
    return this;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Map<String, String> asMap() {
    return Map.copyOf(values);
  }

  /** The conditions that hold for these values. */
  Set<Condition> conditions() {
    Set<Condition> all = EnumSet.noneOf(Condition.class);
    all.addAll(holds);
    boolean probe = values.containsKey("probePort");
    all.add(probe ? Condition.HAS_PROBE : Condition.NO_PROBE);
    if (probe) {
      all.add("Tcp".equals(values.get("probeProtocol")) ? Condition.TCP_PROBE : Condition.HTTP_PROBE);
      if (values.containsKey("backendPort") && !values.get("probePort").equals(values.get("backendPort"))) {
        all.add(Condition.PROBE_PORT_DIFFERS);
      }
    }
    return all;
  }

  /** Placeholders that cannot have a value in this situation: a text that needs one is left out without a note. */
  Set<String> notApplicable() {
    Set<String> na = new HashSet<>();
    if (!values.containsKey("probePort")) {
      na.addAll(PROBE);
    } else if ("Tcp".equals(values.get("probeProtocol"))) {
      na.add("probePath");
    }
    if (holds.contains(Condition.NO_NSG)) {
      na.addAll(List.of("nsgName", "nsgResourceGroup"));
    }
    if (!deciding) {
      na.addAll(DECIDING);
    } else if (values.containsKey("freePriority")) {
      na.add("movedPriority");
    }
    if (!route) {
      na.addAll(ROUTE);
    }
    if (!holds.contains(Condition.NO_NSG)) {
      na.addAll(List.of("newNsgName", "newNsgId"));
    }
    if (!values.containsKey("vmssName")) {
      na.add("vmssName");
    }
    return na;
  }

  private static String cap(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(l.charAt(0)) + l.substring(1);
  }
}
