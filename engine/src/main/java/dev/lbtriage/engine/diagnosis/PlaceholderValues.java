package dev.lbtriage.engine.diagnosis;

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
import dev.lbtriage.rules.facts.Subnet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values that fill a KB text's placeholders ({@code {probePort}}, {@code {nsgName}}, ...), taken
 * from the facts about the load balancer, one backend, and what decided a cause. A value the facts
 * do not give stays absent, and the text shows {@code <name>} instead.
 */
final class PlaceholderValues {
  private final Map<String, String> values = new HashMap<>();

  private PlaceholderValues() {}

  static PlaceholderValues of(AzureFacts facts, LoadBalancer lb) {
    PlaceholderValues v = new PlaceholderValues();
    v.put("lbName", lb.name());
    v.put("lbId", lb.id());
    v.put("resourceGroup", lb.resourceGroup() != null ? lb.resourceGroup() : ArmId.resourceGroup(lb.id()));
    v.put("subscriptionId", ArmId.subscription(lb.id()));
    lb.rules().stream().filter(r -> r.probeId() != null).findFirst().or(() -> lb.rules().stream().findFirst())
        .ifPresent(r -> v.rule(lb, r));
    if (!v.values.containsKey("probePort")) {
      lb.probes().stream().findFirst().ifPresent(v::probe);
    }
    if (!v.values.containsKey("poolName")) {
      lb.pools().stream().findFirst().ifPresent(p -> v.put("poolName", p.name()));
    }
    return v;
  }

  PlaceholderValues copy() {
    PlaceholderValues c = new PlaceholderValues();
    c.values.putAll(values);
    return c;
  }

  PlaceholderValues rule(LoadBalancer lb, LoadBalancingRule r) {
    put("ruleName", r.name());
    put("frontendPort", String.valueOf(r.frontendPort()));
    put("backendPort", String.valueOf(r.backendPort()));
    put("protocol", cap(r.protocol().name()));
    lb.frontends().stream().filter(f -> ArmId.same(f.id(), r.frontendId())).findFirst().map(Frontend::address)
        .ifPresent(a -> put("frontendIp", a));
    if (!r.backendPoolIds().isEmpty()) {
      put("poolName", ArmId.name(r.backendPoolIds().get(0)));
    }
    lb.probes().stream().filter(p -> ArmId.same(p.id(), r.probeId())).findFirst().ifPresent(this::probe);
    return this;
  }

  private void probe(HealthProbe p) {
    put("probeName", p.name());
    put("probePort", String.valueOf(p.port()));
    put("probeProtocol", cap(p.protocol().name()));
    put("probePath", p.requestPath());
  }

  /** The backend a question or a fix is about. */
  PlaceholderValues backend(AzureFacts facts, LoadBalancer lb, Backend b) {
    put("backendIp", b.ip());
    put("vmName", b.vmName());
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
    put("nicName", nic.map(NetworkInterface::name).orElse(b.nicId() == null ? null : nicName(b.nicId())));
    nic.ifPresent(n -> {
      if (b.vmId() == null) {
        put("vmResourceGroup", n.resourceGroup());
      }
      n.ipConfigurations().stream().filter(c -> b.ip().equals(c.privateIp())).findFirst()
          .or(() -> n.ipConfigurations().stream().filter(NicIpConfiguration::primary).findFirst())
          .map(NicIpConfiguration::subnetId).ifPresent(sid -> {
            put("subnetName", ArmId.name(sid));
            put("vnetName", ArmId.name(ArmId.parent(sid)));
            Optional<Subnet> subnet = facts.subnet(sid);
            String nsgId = n.nsgId() != null ? n.nsgId() : subnet.map(Subnet::nsgId).orElse(null);
            nsg(nsgId);
          });
    });
    return this;
  }

  private static String nicName(String nicId) {
    return ArmId.name(nicId);
  }

  private void nsg(String nsgId) {
    if (nsgId != null) {
      put("nsgName", ArmId.name(nsgId));
      put("nsgResourceGroup", ArmId.resourceGroup(nsgId));
    }
  }

  /** The NSG rule that denied a flow, and a free priority above it for an allow rule. */
  PlaceholderValues deciding(DecidingRule d) {
    nsg(d.nsgId());
    put("nsgRuleName", d.ruleName());
    put("nsgRulePriority", String.valueOf(d.priority()));
    Set<Integer> used = new HashSet<>(d.usedPriorities());
    for (int p = Math.min(d.priority() - 1, 4096); p >= 100; p--) {
      if (!used.contains(p)) {
        put("freePriority", String.valueOf(p));
        break;
      }
    }
    return this;
  }

  PlaceholderValues route(BackendRoute r) {
    put("routeName", r.routeName());
    put("routeTableName", r.routeTableName());
    put("routePrefix", r.prefix());
    put("nextHopIp", r.nextHopIp());
    return this;
  }

  PlaceholderValues scaleSet(ScaleSetProbe p) {
    put("vmssName", ArmId.name(p.vmssId()));
    put("vmResourceGroup", ArmId.resourceGroup(p.vmssId()));
    put("ruleName", p.ruleName());
    return this;
  }

  PlaceholderValues put(String name, String value) {
    if (value != null && !value.isBlank()) {
      values.put(name, value);
    }
    return this;
  }

  Map<String, String> asMap() {
    return Map.copyOf(values);
  }

  private static String cap(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(l.charAt(0)) + l.substring(1);
  }
}
