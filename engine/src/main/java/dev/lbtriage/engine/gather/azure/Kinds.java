package dev.lbtriage.engine.gather.azure;

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

  /** Snapshot file name prefix of each resource kind. */
  static final Map<String, String> PREFIX = Map.of(LOAD_BALANCER, "lb", NIC, "nic", VM, "vm", SCALE_SET, "vmss",
      PUBLIC_IP, "pip", VNET, "vnet", NSG, "nsg", ROUTE_TABLE, "rt", METRICS, "metrics");

  /** Plural labels for progress lines. */
  static final Map<String, String> LABEL = Map.ofEntries(Map.entry(LOAD_BALANCER, "load balancers"),
      Map.entry(NIC, "NICs"), Map.entry(VM, "VMs"), Map.entry(SCALE_SET, "scale sets"),
      Map.entry(PUBLIC_IP, "public IPs"), Map.entry(VNET, "VNets"), Map.entry(NSG, "NSGs"),
      Map.entry(ROUTE_TABLE, "route tables"), Map.entry(EFFECTIVE_NSG, "effective security rules"),
      Map.entry(EFFECTIVE_ROUTES, "effective routes"), Map.entry(METRICS, "metrics"));

  private Kinds() {}
}
