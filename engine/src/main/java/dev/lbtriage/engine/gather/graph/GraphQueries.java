package dev.lbtriage.engine.gather.graph;

import java.util.List;

/**
 * The KQL a fleet scan sends to Resource Graph: whole resources (the {@code properties} the ARM GET
 * returns) of the kinds a load balancer's facts come from, two queries, each {@code order by id}
 * so that {@code $skipToken} pages are stable ("id field is required in the response to return the
 * pages in stable sorted fashion", Resource Graph REST examples). No join or {@code mv-expand} (Resource
 * Graph allows 3 of each per query): load balancers, NICs, subnets and NSGs are joined in Java by id,
 * as a snapshot is. Types are compared with {@code =~}, since Resource Graph returns them lower-cased.
 */
public final class GraphQueries {

  /** One query: a name for progress and errors, and its KQL. */
  public record Query(String name, String kql) {}

  /** Load balancers, NICs, virtual networks (with their subnets), NSGs, route tables and public IPs. */
  public static final Query NETWORK = new Query("network", """
      Resources
      | where type =~ 'microsoft.network/loadbalancers' or type =~ 'microsoft.network/networkinterfaces'
          or type =~ 'microsoft.network/virtualnetworks' or type =~ 'microsoft.network/networksecuritygroups'
          or type =~ 'microsoft.network/routetables' or type =~ 'microsoft.network/publicipaddresses'
      | project id, name, type, location, resourceGroup, subscriptionId, sku, zones, properties
      | order by id asc""");

  /**
   * Virtual machines (power state in {@code properties.extended.instanceView.powerState.code}) and
   * scale sets (their model's network profile and health probe).
   */
  public static final Query COMPUTE = new Query("compute", """
      Resources
      | where type =~ 'microsoft.compute/virtualmachines' or type =~ 'microsoft.compute/virtualmachinescalesets'
      | project id, name, type, location, resourceGroup, subscriptionId, sku, zones, properties
      | order by id asc""");

  public static final List<Query> ALL = List.of(NETWORK, COMPUTE);

  private GraphQueries() {}
}
