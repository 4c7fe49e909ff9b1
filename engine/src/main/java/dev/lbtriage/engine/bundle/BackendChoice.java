package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.PoolMember;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The single backend the bundle's picture and capture plan are about (the seed: "Choose a single
 * backend VM to perform the following tests"): the one a confirmed cause names, else one a
 * suspected cause the facts point to names, else the first whose health probe status is below
 * 100 %, else the first backend with an address.
 */
final class BackendChoice {
  private BackendChoice() {}

  static String focus(AzureFacts facts, LoadBalancer lb, Diagnosis d) {
    List<String> ips = ips(lb);
    for (boolean confirmed : new boolean[] {true, false}) {
      Optional<String> named = d.findings().stream()
          .filter(f -> confirmed ? f.status().equals("confirmed") : f.pointedTo())
          .flatMap(f -> f.subjects().stream()).filter(ips::contains).findFirst();
      if (named.isPresent()) {
        return named.get();
      }
    }
    return ips.stream().filter(ip -> latestProbeStatus(facts, lb, ip).map(v -> v < 100.0).orElse(false)).findFirst()
        .orElse(ips.isEmpty() ? null : ips.get(0));
  }

  /** Backend addresses of every pool, sorted. */
  static List<String> ips(LoadBalancer lb) {
    return lb.pools().stream().flatMap(p -> p.members().stream()).map(PoolMember::ipAddress)
        .filter(Objects::nonNull).filter(ip -> !ip.equals("?")).distinct().sorted().toList();
  }

  static Optional<PoolMember> member(LoadBalancer lb, String ip) {
    return lb.pools().stream().flatMap(p -> p.members().stream()).filter(m -> ip != null && ip.equals(m.ipAddress())).findFirst();
  }

  /** Another backend of the same pool to test from, healthy first; empty when the pool has one. */
  static Optional<PoolMember> peer(AzureFacts facts, LoadBalancer lb, String ip) {
    Optional<PoolMember> me = member(lb, ip);
    return lb.pools().stream().flatMap(p -> p.members().stream())
        .filter(m -> m.ipAddress() != null && !m.ipAddress().equals("?") && !m.ipAddress().equals(ip))
        .filter(m -> me.isEmpty() || ArmId.same(m.poolId(), me.get().poolId()))
        .min(Comparator.comparing((PoolMember m) -> latestProbeStatus(facts, lb, m.ipAddress()).map(v -> -v).orElse(0.0))
            .thenComparing(PoolMember::ipAddress));
  }

  /** The latest DipAvailability value of a backend, if the facts have the metric. */
  static Optional<Double> latestProbeStatus(AzureFacts facts, LoadBalancer lb, String ip) {
    return facts.metrics().stream().filter(m -> m.is("DipAvailability") && ip.equals(m.dimension("BackendIPAddress")) && ofLb(m, lb))
        .flatMap(m -> m.points().stream().filter(p -> p.average() != null).max(Comparator.comparing(MetricSeries.Point::time)).stream())
        .map(MetricSeries.Point::average).min(Comparator.naturalOrder());
  }

  static boolean ofLb(MetricSeries m, LoadBalancer lb) {
    return m.resourceId() == null || ArmId.same(m.resourceId(), lb.id())
        || m.resourceId().toLowerCase(java.util.Locale.ROOT).startsWith(lb.id().toLowerCase(java.util.Locale.ROOT) + "/");
  }
}
