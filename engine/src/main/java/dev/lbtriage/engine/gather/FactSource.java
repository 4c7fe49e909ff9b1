package dev.lbtriage.engine.gather;

import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;

/**
 * Where facts come from: a snapshot folder today, a live Azure read later. The rules and the
 * conversation only see this port, so they cannot tell the two apart.
 */
public interface FactSource {

  /** The load balancers this source knows, in a stable order. */
  List<LoadBalancerSummary> loadBalancers();

  /**
   * Everything about one load balancer and what a packet to its backends meets: pools, members,
   * NICs, VMs, subnets, NSGs, routes, scale sets, metrics. References the source cannot follow
   * become {@link dev.lbtriage.rules.facts.MissingFact}s; unreadable input becomes
   * {@link dev.lbtriage.rules.facts.SnapshotProblem}s. Never throws for bad input.
   *
   * @param lbIdOrName the ARM id or the name (case-insensitive)
   * @throws IllegalArgumentException when the source has no such load balancer
   */
  AzureFacts gather(String lbIdOrName, Progress progress);

  /** One line for the user, e.g. {@code snapshot folder /tmp/incident-42 (14 files)}. */
  String describe();
}
