package dev.lbtriage.engine.conversation;

import dev.lbtriage.rules.diagnosis.Classify;
import dev.lbtriage.rules.diagnosis.ProbeHealth;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Health Probe Status ({@code DipAvailability} per backend IP, latest point) says of a load
 * balancer's backends: any backend below 100 % means the probes fail ({@code probe-down}); every
 * backend at 100 % means they pass, so what fails is the data port ({@code data-port-down}).
 * Undecided when a backend has no point.
 */
public final class ProbeHealthVerdict {
  /**
   * @param symptomId the symptom the metric decides
   * @param evidence the metric points that decided, one per backend
   */
  public record Decision(String symptomId, List<String> evidence) {}

  /**
   * The symptom to triage when the words cannot tell probe-down from data-port-down: a failing
   * probe decides probe-down; every probe passing decides data-port-down, unless the words lean to
   * the probe (an alert that fired and resolved, backends marked down): then the probe triage
   * settles it from the facts. One rule for the conversation and {@code diagnose --symptom}.
   *
   * @param wordsLeanToProbe the matcher ranks probe-down strictly first
   */
  public static String settle(Decision d, boolean wordsLeanToProbe) {
    return "data-port-down".equals(d.symptomId()) && wordsLeanToProbe ? "probe-down" : d.symptomId();
  }

  private ProbeHealthVerdict() {}

  public static Optional<Decision> of(AzureFacts facts, String lbId) {
    Optional<LoadBalancer> lb = facts.loadBalancer(lbId);
    if (lb.isEmpty()) {
      return Optional.empty();
    }
    List<String> ips = lb.get().pools().stream().flatMap(p -> p.members().stream()).map(m -> m.ipAddress())
        .filter(java.util.Objects::nonNull).distinct().sorted().toList();
    if (ips.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ProbeHealth> latest = new LinkedHashMap<>();
    for (String ip : ips) {
      for (MetricSeries m : facts.metrics()) {
        if (m.is("DipAvailability") && ip.equals(m.dimension("BackendIPAddress"))
            && (m.resourceId() == null || ArmId.same(m.resourceId(), lb.get().id()) || m.resourceId().toLowerCase(java.util.Locale.ROOT)
                .startsWith(lb.get().id().toLowerCase(java.util.Locale.ROOT) + "/"))) {
          ProbeHealth h = Classify.probeHealth(m, ip);
          if (h != null && (!latest.containsKey(ip) || h.latest() < latest.get(ip).latest())) {
            latest.put(ip, h);
          }
        }
      }
    }
    List<String> failing = new ArrayList<>();
    latest.values().stream().filter(h -> h.latest() < 100.0).forEach(h -> failing.add(h.evidence()));
    if (!failing.isEmpty()) {
      return Optional.of(new Decision(ReportMatch.PROBE_DOWN, failing));
    }
    if (latest.size() == ips.size()) {
      return Optional.of(new Decision(ReportMatch.DATA_PORT_DOWN, latest.values().stream().map(ProbeHealth::evidence).toList()));
    }
    return Optional.empty();
  }
}
