package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.LbSku;
import java.util.Objects;

/**
 * How an inbound flow reaches the NIC, which decides what "no NSG on the subnet nor on the NIC"
 * means. Azure's documentation:
 *
 * <ul>
 *   <li>"Standard load balancers and standard public IP addresses are closed to inbound connections
 *       unless opened by Network Security Groups. [...] If you don't have an NSG on a subnet or NIC
 *       of your virtual machine resource, traffic isn't allowed to reach this resource."
 *       (https://learn.microsoft.com/azure/load-balancer/load-balancer-overview, "Secure by default";
 *       also https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses for
 *       Standard public IPs.)
 *   <li>The SKU comparison (https://learn.microsoft.com/azure/load-balancer/skus, row "Security"):
 *       Standard is "closed to inbound flows unless allowed by a network security group. Internal
 *       traffic from the virtual network to the internal load balancer is allowed"; Basic is "open
 *       by default; network security group optional".
 * </ul>
 *
 * So with no NSG at either level: a {@link #DIRECT} flow (no load balancer semantics: a Basic
 * public IP, VNet-internal traffic) and a Basic load balancer's are allowed; through a Standard
 * load balancer's <em>public</em> frontend every source but the platform's probe address is
 * denied, with the reason; through a Standard <em>internal</em> frontend, traffic from inside the
 * virtual network (its address space or peerings, or the {@code VirtualNetwork} tag) is allowed
 * (the SKU page says so) and traffic from elsewhere (on-premises over a gateway, say) is
 * {@link Verdict#UNKNOWN}: the documentation does not say. The health probe (source
 * {@code AzureLoadBalancer}, 168.63.129.16) is platform traffic that does not come through the
 * frontend: no NSG, no filter. An unknown SKU with no NSG is {@link Verdict#UNKNOWN}.
 *
 * @param sku the load balancer's SKU, null for {@link #DIRECT}
 * @param publicFrontend the flow comes through a public frontend (or a public IP)
 * @param via for messages, e.g. {@code load balancer lb-web (Standard, public frontend fe-lb)}
 */
public record Ingress(LbSku sku, boolean publicFrontend, String via) {
  /** No load balancer semantics: no NSG lets the flow through. */
  public static final Ingress DIRECT = new Ingress(null, false, "directly");

  public static Ingress throughLoadBalancer(LbSku sku, boolean publicFrontend, String via) {
    return new Ingress(Objects.requireNonNull(sku, "sku"), publicFrontend, via);
  }

  /** How a load-balancing rule's traffic reaches its backends: through the rule's frontend, public or internal. */
  public static Ingress of(dev.lbtriage.rules.facts.LoadBalancer lb, dev.lbtriage.rules.facts.LoadBalancingRule rule) {
    dev.lbtriage.rules.facts.Frontend fe = lb.frontends().stream()
        .filter(f -> dev.lbtriage.rules.facts.ArmId.same(f.id(), rule.frontendId())).findFirst().orElse(null);
    boolean pub = fe != null ? fe.isPublic() : !lb.internal();
    String sku = lb.sku() == LbSku.STANDARD ? "Standard" : lb.sku() == LbSku.BASIC ? "Basic" : String.valueOf(lb.sku());
    return new Ingress(lb.sku() == null ? LbSku.UNKNOWN : lb.sku(), pub, "load balancer " + lb.name() + " (" + sku + ", "
        + (pub ? "public" : "internal") + " frontend" + (fe == null ? "" : " " + fe.name()) + ")");
  }

  /** A Standard SKU public IP on the NIC itself: closed like a Standard public frontend. */
  public static Ingress standardPublicIp(String via) {
    return new Ingress(LbSku.STANDARD, true, via);
  }

  /**
   * The decision for a flow when neither the subnet nor the NIC has an NSG, or null when no NSG
   * means "allowed" (the usual no-NSG decisions stand).
   */
  NsgDecision withoutNsg(Flow flow, NetworkContext ctx, String where) {
    if (sku == null || sku == LbSku.BASIC || isProbeSource(flow.source())) {
      return null;
    }
    String doc = "https://learn.microsoft.com/azure/load-balancer/load-balancer-overview#securebydefault";
    if (sku != LbSku.STANDARD) {
      return new NsgDecision(NsgLevel.SUBNET_AND_NIC, null, null, null, Verdict.UNKNOWN, null, java.util.List.of(),
          where + ": whether " + via + " (SKU " + sku + ") admits traffic without an NSG is not known");
    }
    if (publicFrontend) {
      return new NsgDecision(NsgLevel.SUBNET_AND_NIC, null, null, null, Verdict.DENY, null, java.util.List.of(),
          where + ": " + via + " is Standard SKU, closed to inbound connections unless an NSG on the backend's subnet or NIC"
              + " allows them (" + doc + ")");
    }
    if (fromInsideVnet(flow.source(), ctx)) {
      return new NsgDecision(NsgLevel.SUBNET_AND_NIC, null, null, null, Verdict.ALLOW, null, java.util.List.of(),
          where + ": traffic from the virtual network to " + via + " (Standard, internal) is allowed without an NSG"
              + " (https://learn.microsoft.com/azure/load-balancer/skus)");
    }
    return new NsgDecision(NsgLevel.SUBNET_AND_NIC, null, null, null, Verdict.UNKNOWN, null, java.util.List.of(),
        where + ": " + via + " is Standard SKU, internal; whether traffic from " + flow.source()
            + " (not known to be inside the virtual network) reaches it without an NSG is not documented");
  }

  private static boolean isProbeSource(String source) {
    return ServiceTags.AZURE_LOAD_BALANCER.equals(ServiceTags.canonical(source).orElse(null))
        || (IpPrefix.isAddress(source) && IpPrefix.parse(source).equals(IpPrefix.parse(ServiceTags.AZURE_LOAD_BALANCER_IP)));
  }

  private static boolean fromInsideVnet(String source, NetworkContext ctx) {
    String tag = ServiceTags.canonical(source).orElse(null);
    if (ServiceTags.VIRTUAL_NETWORK.equals(tag)) {
      return true;
    }
    return ctx.vnetKnown() && IpPrefix.isAddress(source) && ctx.virtualNetwork().containsAll(AddressSet.of(source));
  }
}
