package dev.lbtriage.engine.gather.graph;

import dev.lbtriage.engine.gather.graph.GeneratedFleet.Template;
import dev.lbtriage.engine.scan.FleetScanner;
import dev.lbtriage.engine.scan.ScanFinding;
import dev.lbtriage.engine.scan.ScanReport;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.fleet.FleetRules;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a scan must find in each template of {@link GeneratedFleet}, as {@code cause status} pairs: the
 * injected fault ({@link Template#causes}) and what else the example's real payloads show (read from
 * each example's NOTES.md and payloads, not from a scan's output):
 * <ul>
 *   <li>healthy (canCRUDProbe recording): rule httpsRule sends to the empty pool lb-shop-BAP2 and has no probe;
 *       Http and Https probes on / ; one private frontend with no zone, in eastus.</li>
 *   <li>vm-* / nsg-* / udr-* (lb-web, a Basic SKU from the NatRules recording): Basic retired; Http probe on /.</li>
 *   <li>nsg-deny-all-*: the DenyAll rule denies every client too (data-port-blocked).</li>
 *   <li>standard-public-no-nsg (LoadBalancerCreateWithOutboundRules): outbound rules; pool be-lb with one NIC;
 *       Standard public with no NSG: every client is refused.</li>
 *   <li>vmss-* (the vmss session record, Standard public, eastus2): the public IP has no zone; Http probes on /;
 *       no NSG in the model (vmss-probe-locks-port) or one denying all (vmss-model-nsg-blocks-probe): clients refused.</li>
 * </ul>
 */
final class FleetExpectations {

  static final Map<Template, Set<String>> EXPECTED = new EnumMap<>(Template.class);

  static {
    EXPECTED.put(Template.HEALTHY, Set.of("rule-pool-empty confirmed", "rule-without-probe advisory",
        "probe-web-health-endpoint advisory", "frontend-not-zone-redundant advisory"));
    Set<String> lbWeb = Set.of("basic-sku-retired confirmed", "probe-web-health-endpoint advisory");
    EXPECTED.put(Template.VM_DEALLOCATED, plus(lbWeb, "vm-unhealthy confirmed"));
    EXPECTED.put(Template.NSG_DENY_ALL_NIC, plus(lbWeb, "probe-port-blocked confirmed", "data-port-blocked confirmed"));
    EXPECTED.put(Template.NSG_DENY_ALL_SUBNET, plus(lbWeb, "probe-port-blocked confirmed", "data-port-blocked confirmed"));
    EXPECTED.put(Template.NSG_ASG_BLOCKS_PROBE, plus(lbWeb, "probe-port-blocked confirmed"));
    EXPECTED.put(Template.UDR_VIRTUAL_APPLIANCE, plus(lbWeb, "probe-misconfigured suspected"));
    EXPECTED.put(Template.STANDARD_PUBLIC_NO_NSG, Set.of("data-port-blocked confirmed", "outbound-rules-over-nat-gateway advisory",
        "pool-single-backend advisory"));
    Set<String> vmss = Set.of("frontend-not-zone-redundant advisory", "probe-web-health-endpoint advisory",
        "data-port-blocked confirmed");
    EXPECTED.put(Template.VMSS_MODEL_NSG_BLOCKS_PROBE, plus(vmss, "probe-port-blocked confirmed"));
    EXPECTED.put(Template.VMSS_PROBE_LOCKS_PORT, plus(vmss, "vmss-probe-locks-backend-port advisory"));
  }

  private FleetExpectations() {}

  private static Set<String> plus(Set<String> base, String... more) {
    Set<String> s = new TreeSet<>(base);
    s.addAll(Set.of(more));
    return s;
  }

  static FleetScanner scanner() {
    return new FleetScanner(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath(), FleetRules.fromClasspath(), 2);
  }

  /** Each load balancer's findings as {@code cause status} pairs. */
  static Map<String, Set<String>> byLoadBalancer(ScanReport report) {
    Map<String, Set<String>> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (ScanFinding f : report.findings()) {
      out.computeIfAbsent(f.loadBalancerId(), k -> new TreeSet<>()).add(f.cause() + " " + f.status());
    }
    return out;
  }
}
