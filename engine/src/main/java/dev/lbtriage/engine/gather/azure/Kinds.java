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
  static final String RESOURCE_HEALTH = "resource-health";
  static final String HEALTH_EVENTS = "health-events";

  /** Snapshot file name prefix of each resource kind. */
  static final Map<String, String> PREFIX = Map.ofEntries(Map.entry(LOAD_BALANCER, "lb"), Map.entry(NIC, "nic"),
      Map.entry(VM, "vm"), Map.entry(SCALE_SET, "vmss"), Map.entry(PUBLIC_IP, "pip"), Map.entry(VNET, "vnet"),
      Map.entry(NSG, "nsg"), Map.entry(ROUTE_TABLE, "rt"), Map.entry(METRICS, "metrics"),
      Map.entry(RESOURCE_HEALTH, "resource-health"), Map.entry(HEALTH_EVENTS, "health-events"));

  /** Kinds in the order progress lines name them. */
  static final List<String> ORDER = List.of(LOAD_BALANCER, NIC, SCALE_SET, VM, PUBLIC_IP, VNET, NSG, ROUTE_TABLE,
      EFFECTIVE_NSG, EFFECTIVE_ROUTES, METRICS, RESOURCE_HEALTH, HEALTH_EVENTS, IP_FLOW_VERIFY);

  private static final Map<String, String[]> LABEL = Map.ofEntries(
      Map.entry(LOAD_BALANCER, new String[] {"load balancer", "load balancers"}),
      Map.entry(NIC, new String[] {"NIC", "NICs"}), Map.entry(VM, new String[] {"VM", "VMs"}),
      Map.entry(SCALE_SET, new String[] {"scale set", "scale sets"}),
      Map.entry(PUBLIC_IP, new String[] {"public IP", "public IPs"}), Map.entry(VNET, new String[] {"VNet", "VNets"}),
      Map.entry(NSG, new String[] {"NSG", "NSGs"}), Map.entry(ROUTE_TABLE, new String[] {"route table", "route tables"}),
      Map.entry(EFFECTIVE_NSG, new String[] {"effective security rules", "effective security rules"}),
      Map.entry(EFFECTIVE_ROUTES, new String[] {"effective routes", "effective routes"}),
      Map.entry(METRICS, new String[] {"metric", "metrics"}),
      Map.entry(RESOURCE_HEALTH, new String[] {"Resource Health status", "Resource Health statuses"}),
      Map.entry(HEALTH_EVENTS, new String[] {"health event query", "health event queries"}),
      Map.entry(IP_FLOW_VERIFY, new String[] {"probe flow verification", "probe flow verifications"}));

  /** {@code 1 NIC}, {@code 14 NICs}. */
  static String count(String kind, long n) {
    String[] label = LABEL.getOrDefault(kind, new String[] {kind, kind});
    return n + " " + (n == 1 ? label[0] : label[1]);
  }

  private Kinds() {}
}
