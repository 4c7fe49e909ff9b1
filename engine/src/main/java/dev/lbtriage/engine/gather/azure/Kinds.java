package dev.lbtriage.engine.gather.azure;

import java.util.List;
import java.util.Map;

/** Kinds of documents, as missing facts name them, with their snapshot file prefixes and labels. */
final class Kinds {

  static final String LOAD_BALANCER = "load-balancer";
  static final String NIC = "network-interface";
  static final String VM = "virtual-machine";
  static final String SCALE_SET = "vm-scale-set";
  static final String PUBLIC_IP = "public-ip";
  static final String VNET = "virtual-network";
  static final String NSG = "network-security-group";
  static final String ROUTE_TABLE = "route-table";
  static final String EFFECTIVE_NSG = "effective-security-rules";
  static final String EFFECTIVE_ROUTES = "effective-routes";
  static final String METRICS = "metrics";
  static final String IP_FLOW_VERIFY = ProbeFlowCheck.KIND;

  /** Snapshot file name prefix of each resource kind. */
  static final Map<String, String> PREFIX = Map.of(LOAD_BALANCER, "lb", NIC, "nic", VM, "vm", SCALE_SET, "vmss",
      PUBLIC_IP, "pip", VNET, "vnet", NSG, "nsg", ROUTE_TABLE, "rt", METRICS, "metrics");

  /** Kinds in the order progress lines name them. */
  static final List<String> ORDER = List.of(LOAD_BALANCER, NIC, SCALE_SET, VM, PUBLIC_IP, VNET, NSG, ROUTE_TABLE,
      EFFECTIVE_NSG, EFFECTIVE_ROUTES, METRICS, IP_FLOW_VERIFY);

  private static final Map<String, String[]> LABEL = Map.ofEntries(
      Map.entry(LOAD_BALANCER, new String[] {"load balancer", "load balancers"}),
      Map.entry(NIC, new String[] {"NIC", "NICs"}), Map.entry(VM, new String[] {"VM", "VMs"}),
      Map.entry(SCALE_SET, new String[] {"scale set", "scale sets"}),
      Map.entry(PUBLIC_IP, new String[] {"public IP", "public IPs"}), Map.entry(VNET, new String[] {"VNet", "VNets"}),
      Map.entry(NSG, new String[] {"NSG", "NSGs"}), Map.entry(ROUTE_TABLE, new String[] {"route table", "route tables"}),
      Map.entry(EFFECTIVE_NSG, new String[] {"effective security rules", "effective security rules"}),
      Map.entry(EFFECTIVE_ROUTES, new String[] {"effective routes", "effective routes"}),
      Map.entry(METRICS, new String[] {"metric", "metrics"}),
      Map.entry(IP_FLOW_VERIFY, new String[] {"probe flow verification", "probe flow verifications"}));

  /** {@code 1 NIC}, {@code 14 NICs}. */
  static String count(String kind, long n) {
    String[] label = LABEL.getOrDefault(kind, new String[] {kind, kind});
    return n + " " + (n == 1 ? label[0] : label[1]);
  }

  private Kinds() {}
}
