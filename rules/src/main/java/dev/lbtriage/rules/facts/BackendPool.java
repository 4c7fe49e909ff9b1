package dev.lbtriage.rules.facts;

import java.util.List;

/** A backend address pool and its members as the load balancer lists them. */
public record BackendPool(String id, String name, String loadBalancerId, List<PoolMember> members, Origin origin) {
  public BackendPool {
    members = List.copyOf(members);
  }
}
