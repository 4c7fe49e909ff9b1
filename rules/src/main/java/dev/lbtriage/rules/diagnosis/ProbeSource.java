package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.HealthProbe;

/**
 * Where a health probe comes from: IPv4 probes from 168.63.129.16 (service tag
 * {@code AzureLoadBalancer}), IPv6 probes from a link-local address
 * (https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview#probe-source-ip-address).
 * lb-triage evaluates IPv4 flows only: an IPv6 backend's probe is reported as not evaluated, never
 * evaluated as if it were IPv4.
 */
public final class ProbeSource {
  private ProbeSource() {}

  public static boolean ipv6(String address) {
    return address != null && address.indexOf(':') >= 0;
  }

  public static ProbeFlow ipv6ProbeFlow(Backend b, dev.lbtriage.rules.facts.LoadBalancingRule rule, HealthProbe probe) {
    return new ProbeFlow(b.ip(), probe.id(), rule.id(), probe.port(), Verdict.UNKNOWN, Verdict.UNKNOWN, false,
        "probe " + probe.name() + " to IPv6 backend " + b.ip() + ": not evaluated: IPv6 probes come from a link-local address,"
            + " not " + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP + ", and lb-triage evaluates IPv4 flows only", null);
  }

  public static DataFlow ipv6DataFlow(Backend b, dev.lbtriage.rules.facts.LoadBalancingRule rule, String clientIp) {
    return new DataFlow(b.ip(), rule.id(), rule.backendPort(), clientIp != null ? clientIp : "any client", clientIp != null,
        Verdict.UNKNOWN, Verdict.UNKNOWN, false, "rule " + rule.name() + " to IPv6 backend " + b.ip()
            + ": not evaluated: lb-triage evaluates IPv4 flows only", null);
  }

  /** The notice for a frontend or backend address lb-triage does not evaluate. */
  public static String ipv6Notice(String what, String address) {
    return what + " " + address + " is IPv6: lb-triage evaluates only IPv4 NSG flows and probes (IPv4 probes come from"
        + " " + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP + ", IPv6 probes from a link-local address), so nothing about this address is decided";
  }
}
