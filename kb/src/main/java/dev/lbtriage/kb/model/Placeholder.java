package dev.lbtriage.kb.model;

import java.util.Optional;

/**
 * The placeholders a KB text may hold, written {@code {name}}, and the fact that provides each. A
 * placeholder not listed here is an error when the KB is loaded: no fact could ever fill it in.
 */
public enum Placeholder {
  SUBSCRIPTION_ID("subscriptionId", "the load balancer's ARM id"),
  RESOURCE_GROUP("resourceGroup", "the load balancer's ARM id"),
  LB_NAME("lbName", "the load balancer"),
  LB_ID("lbId", "the load balancer"),
  FRONTEND_IP("frontendIp", "the load balancer's frontend IP configuration"),
  FRONTEND_PORT("frontendPort", "the load-balancing rule"),
  BACKEND_PORT("backendPort", "the load-balancing rule"),
  RULE_NAME("ruleName", "the load-balancing rule"),
  PROBE_NAME("probeName", "the health probe"),
  PROBE_PORT("probePort", "the health probe"),
  PROBE_PROTOCOL("probeProtocol", "the health probe"),
  PROBE_PATH("probePath", "the health probe"),
  POOL_NAME("poolName", "the backend pool"),
  BACKEND_IP("backendIp", "the backend pool member's NIC IP configuration"),
  NIC_NAME("nicName", "the backend pool member's NIC"),
  VM_NAME("vmName", "the backend pool member's VM"),
  VM_RESOURCE_GROUP("vmResourceGroup", "the backend pool member's VM"),
  VMSS_NAME("vmssName", "the VM scale set in the backend pool"),
  NSG_NAME("nsgName", "the network security group that decides the flow"),
  NSG_RESOURCE_GROUP("nsgResourceGroup", "the network security group that decides the flow"),
  NSG_RULE_NAME("nsgRuleName", "the security rule that decides the flow"),
  NSG_RULE_PRIORITY("nsgRulePriority", "the security rule that decides the flow"),
  FREE_PRIORITY("freePriority", "a priority free in the NSG, above the deciding rule"),
  MOVED_PRIORITY("movedPriority", "a free priority just below the deciding custom rule, to move it out of the way"),
  NEW_NSG_NAME("newNsgName", "a name for a network security group to create, taken by no NSG in the facts"),
  NEW_NSG_ID("newNsgId", "the ARM id the network security group to create will have (in the virtual network's resource group)"),
  LOCATION("location", "the load balancer's region"),
  VNET_RESOURCE_GROUP("vnetResourceGroup", "the backend's virtual network"),
  SUBNET_NAME("subnetName", "the backend's subnet"),
  VNET_NAME("vnetName", "the backend's virtual network"),
  ROUTE_TABLE_NAME("routeTableName", "the route table that holds the winning route"),
  ROUTE_TABLE_RESOURCE_GROUP("routeTableResourceGroup", "the route table that holds the winning route"),
  ROUTE_NAME("routeName", "the winning effective route"),
  ROUTE_PREFIX("routePrefix", "the winning effective route"),
  NEXT_HOP_IP("nextHopIp", "the winning effective route"),
  CLIENT_IP("clientIp", "the user's answer to client-ip"),
  CLIENT_SOURCE("clientSource", "the clients as the NSG verdict saw them: the client-ip answer, else Internet (public load balancer) or VirtualNetwork (internal)"),
  PROTOCOL("protocol", "the load-balancing rule"),
  NSG_PROTOCOL("nsgProtocol", "the load-balancing rule's protocol as an NSG rule writes it (Tcp, Udp, or * for All)"),
  NSG_PORTS("nsgPorts", "the load-balancing rule's backend port as an NSG rule writes it (* for HA ports)"),
  NEW_BACKEND_PORT("newBackendPort", "the backend port the user wants (no fact gives it)");

  private final String token;
  private final String providedBy;

  Placeholder(String token, String providedBy) {
    this.token = token;
    this.providedBy = providedBy;
  }

  /** The name written between braces. */
  public String token() {
    return token;
  }

  /** Which fact fills it in, for error messages and documentation. */
  public String providedBy() {
    return providedBy;
  }

  public static Optional<Placeholder> byToken(String token) {
    for (Placeholder p : values()) {
      if (p.token.equals(token)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
