package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.InboundNatRule;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.ProbeProtocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code Microsoft.Network/loadBalancers} (ARM or az shape). A broken child (a probe without
 * a port, say) is reported and skipped; the rest of the load balancer is kept.
 */
final class LoadBalancerParser {

  private LoadBalancerParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    String skuName = r.child("sku").map(s -> s.text("name")).orElse(null);
    LoadBalancer lb = new LoadBalancer(id, Children.name(r, id), ArmId.resourceGroup(id), r.text("location"),
        sku(skuName),
        Children.each(p, "frontendIPConfigurations", c -> frontend(c, id)),
        Children.each(p, "probes", c -> probe(c, id, file)),
        Children.each(p, "loadBalancingRules", c -> rule(c, id, file)),
        Children.each(p, "inboundNatRules", c -> natRule(c, id, file)),
        Children.each(p, "backendAddressPools", c -> pool(c, id, file)),
        new Origin(id, file));
    index.loadBalancers.put(id, lb, r.log(), r.path());
  }

  static LbSku sku(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "basic" -> LbSku.BASIC;
      case "standard" -> LbSku.STANDARD;
      case "gateway" -> LbSku.GATEWAY;
      default -> LbSku.UNKNOWN;
    };
  }

  private static Frontend frontend(JsonCursor c, String lbId) {
    String id = Children.id(c, lbId, "frontendIPConfigurations");
    JsonCursor p = c.props();
    return new Frontend(id, Children.name(c, id), lbId, p.text("privateIPAddress"), p.refId("publicIPAddress"), null,
        p.refId("subnet"));
  }

  private static HealthProbe probe(JsonCursor c, String lbId, String file) {
    String id = Children.id(c, lbId, "probes");
    JsonCursor p = c.props();
    ProbeProtocol protocol = Children.parse(p, "protocol", ProbeProtocol::parse);
    int port = p.requiredInt("port");
    return new HealthProbe(id, Children.name(c, id), lbId, protocol, port, p.text("requestPath"),
        p.integer("intervalInSeconds"), p.integer("numberOfProbes"), p.integer("probeThreshold"),
        p.text("noHealthyBackendsBehavior"), new Origin(id, file));
  }

  private static LoadBalancingRule rule(JsonCursor c, String lbId, String file) {
    String id = Children.id(c, lbId, "loadBalancingRules");
    JsonCursor p = c.props();
    List<String> pools = new ArrayList<>();
    String single = p.refId("backendAddressPool");
    if (single != null) {
      pools.add(single);
    }
    for (String more : p.refIds("backendAddressPools")) {
      if (pools.stream().noneMatch(x -> ArmId.same(x, more))) {
        pools.add(more);
      }
    }
    return new LoadBalancingRule(id, Children.name(c, id), lbId, p.refId("frontendIPConfiguration"), pools,
        p.refId("probe"), Children.parse(p, "protocol", Children::transport), p.requiredInt("frontendPort"),
        p.requiredInt("backendPort"), p.bool("enableFloatingIP", false), new Origin(id, file));
  }

  private static InboundNatRule natRule(JsonCursor c, String lbId, String file) {
    String id = Children.id(c, lbId, "inboundNatRules");
    JsonCursor p = c.props();
    Integer frontendPort = p.integer("frontendPort");
    return new InboundNatRule(id, Children.name(c, id), lbId, p.refId("frontendIPConfiguration"),
        Children.parse(p, "protocol", Children::transport), frontendPort == null ? 0 : frontendPort,
        p.requiredInt("backendPort"), p.refId("backendIPConfiguration"), new Origin(id, file));
  }

  private static BackendPool pool(JsonCursor c, String lbId, String file) {
    String id = Children.id(c, lbId, "backendAddressPools");
    JsonCursor p = c.props();
    List<PoolMember> members = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (String ipc : p.refIds("backendIPConfigurations")) {
      members.add(PoolMembers.fromIpConfiguration(id, ipc, null));
      if (ipc != null) {
        listed.add(ArmId.normalize(ipc));
      }
    }
    for (JsonCursor address : p.objects("loadBalancerBackendAddresses")) {
      JsonCursor ap = address.props();
      String ipc = ap.refId("networkInterfaceIPConfiguration");
      String ip = ap.text("ipAddress");
      if (ipc != null && listed.contains(ArmId.normalize(ipc))) {
        continue;
      }
      if (ipc == null && ip == null) {
        if (ap.has("ipAddress")) {
          continue; // an address Azure would not take: already reported
        }
        address.log().error(address.path(), "backend address has neither ipAddress nor networkInterfaceIPConfiguration");
        continue;
      }
      members.add(PoolMembers.fromIpConfiguration(id, ipc, ip));
      if (ipc != null) {
        listed.add(ArmId.normalize(ipc));
      }
    }
    return new BackendPool(id, Children.name(c, id), lbId, members, new Origin(id, file));
  }
}
