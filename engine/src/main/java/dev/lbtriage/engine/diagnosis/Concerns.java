package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.kb.model.PathHop;
import dev.lbtriage.rules.diagnosis.BackendRoute;
import dev.lbtriage.rules.diagnosis.Concern;
import dev.lbtriage.rules.diagnosis.DataFlow;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a cause's findings are about ({@link dev.lbtriage.rules.diagnosis.Finding#about()}), for one backend (all when
 * {@code ip} is null): the flows and routes whose values fill the cause's fix, each picked in a stable order whatever
 * order the rules fired in. Nothing here knows a cause: a finding about a denied probe flow brings that flow's NSG rule,
 * whichever cause it decides.
 */
record Concerns(List<ProbeFlow> probes, List<DataFlow> data, List<BackendRoute> routes) {
  private static final Comparator<DataFlow> DATA_ORDER = Comparator.comparing((DataFlow p) -> !p.specificClient())
      .thenComparing(DataFlow::backendIp).thenComparing(p -> String.valueOf(p.ruleId()));

  static Concerns of(Stream<Concern> about, String ip) {
    List<Concern> all = about.filter(Objects::nonNull).distinct().toList();
    return new Concerns(
        all.stream().filter(ProbeFlow.class::isInstance).map(ProbeFlow.class::cast).filter(p -> ip == null || p.backendIp().equals(ip)).toList(),
        all.stream().filter(DataFlow.class::isInstance).map(DataFlow.class::cast).filter(p -> ip == null || p.backendIp().equals(ip)).toList(),
        all.stream().filter(BackendRoute.class::isInstance).map(BackendRoute.class::cast).filter(r -> ip == null || r.backendIp().equals(ip))
            .toList());
  }

  /** Where on the traffic path a finding about this shows; null for a finding about nothing in particular. */
  static PathHop hop(Concern about) {
    if (about instanceof ProbeFlow) {
      return PathHop.PROBE_NSG;
    }
    if (about instanceof DataFlow) {
      return PathHop.DATA_NSG;
    }
    if (about instanceof BackendRoute) {
      return PathHop.ROUTE;
    }
    return null;
  }

  /** The probe flow an NSG rule denied. */
  Optional<ProbeFlow> probeDeciding() {
    return probes.stream().filter(p -> p.deciding() != null)
        .min(Comparator.comparing(ProbeFlow::backendIp).thenComparing(p -> String.valueOf(p.probeId()))
            .thenComparing(p -> String.valueOf(p.ruleId())));
  }

  /** The clients' flow an NSG rule denied, the client's own address first. */
  Optional<DataFlow> dataDeciding() {
    return data.stream().filter(p -> p.deciding() != null).min(DATA_ORDER);
  }

  /** The clients' flow denied (by a known rule or not), the client's own address first. */
  Optional<DataFlow> dataDenied() {
    return data.stream().filter(p -> p.verdict() == Verdict.DENIED).min(DATA_ORDER);
  }

  /** The return route that diverts the backend's replies. */
  Optional<BackendRoute> divertingRoute() {
    return routes.stream().filter(BackendRoute::diverted)
        .min(Comparator.comparing(BackendRoute::backendIp).thenComparing(r -> String.valueOf(r.evidence())));
  }
}
