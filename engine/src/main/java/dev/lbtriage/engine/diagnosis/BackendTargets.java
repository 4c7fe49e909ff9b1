package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.PoolMember;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The only addresses a live check may contact: the backend IPs of the load balancer under triage
 * (members of pools its rules send to), on the probe ports and backend ports of those rules.
 */
public final class BackendTargets {
  /** One address and port to check. */
  public record Target(String host, int port) {}

  /** One backend and the port and path of an Http probe that watches it. */
  public record HttpTarget(String host, int port, String path) {}

  private BackendTargets() {}

  /**
   * @param probePorts true for the rules' probe ports, false for their backend ports
   * @param subject a backend IP to keep only that backend, or {@code *} / null for all
   */
  public static List<Target> of(AzureFacts facts, String lbIdOrName, boolean probePorts, String subject) {
    LoadBalancer lb = facts.loadBalancer(lbIdOrName).orElse(null);
    if (lb == null) {
      return List.of();
    }
    boolean all = subject == null || subject.isBlank() || "*".equals(subject);
    Set<Target> targets = new LinkedHashSet<>();
    for (LoadBalancingRule rule : lb.rules()) {
      for (BackendPool pool : lb.pools()) {
        if (rule.backendPoolIds().stream().noneMatch(p -> ArmId.same(p, pool.id()))) {
          continue;
        }
        for (PoolMember m : pool.members()) {
          if (m.ipAddress() == null || (!all && !m.ipAddress().equals(subject))) {
            continue;
          }
          if (probePorts) {
            lb.probes().stream().filter(p -> rule.probeId() != null && ArmId.same(p.id(), rule.probeId())).map(HealthProbe::port)
                .filter(port -> port > 0 && port <= 65535).forEach(port -> targets.add(new Target(m.ipAddress(), port)));
          } else if (rule.backendPort() > 0 && rule.backendPort() <= 65535) {
            targets.add(new Target(m.ipAddress(), rule.backendPort()));
          }
        }
      }
    }
    return List.copyOf(targets);
  }

  /**
   * The backends of the load balancer with the port and path of each Http probe its rules use, for
   * an HTTP GET as the probe sends it (only a 200 counts as up). Https probes are left out: Azure's
   * probe does not validate the certificate, a check from here would.
   */
  public static List<HttpTarget> httpProbes(AzureFacts facts, String lbIdOrName) {
    LoadBalancer lb = facts.loadBalancer(lbIdOrName).orElse(null);
    if (lb == null) {
      return List.of();
    }
    Set<HttpTarget> targets = new LinkedHashSet<>();
    for (Target t : of(facts, lbIdOrName, true, null)) {
      for (LoadBalancingRule rule : lb.rules()) {
        lb.probes().stream()
            .filter(p -> rule.probeId() != null && ArmId.same(p.id(), rule.probeId()) && p.port() == t.port()
                && p.protocol() == dev.lbtriage.rules.facts.ProbeProtocol.HTTP && sendsTo(lb, rule, t.host()))
            .forEach(p -> targets.add(new HttpTarget(t.host(), t.port(),
                p.requestPath() == null || p.requestPath().isBlank() ? "/" : p.requestPath())));
      }
    }
    return List.copyOf(targets);
  }

  private static boolean sendsTo(LoadBalancer lb, LoadBalancingRule rule, String host) {
    return lb.pools().stream().filter(pool -> rule.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, pool.id())))
        .anyMatch(pool -> pool.members().stream().anyMatch(m -> host.equals(m.ipAddress())));
  }
}
