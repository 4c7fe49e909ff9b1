package dev.lbtriage.engine.conversation;

import dev.lbtriage.rules.diagnosis.Classify;
import dev.lbtriage.rules.diagnosis.ProbeHealth;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.ProbeHealthSide;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Health Probe Status ({@code DipAvailability} per backend IP, latest point) says of a load
 * balancer's backends: any backend below 100 % means the probes fail (the KB's symptom with
 * {@code probeHealth: shows: failing}); every backend at 100 % means they pass, so what fails is
 * the data port (the symptom with {@code shows: passing}). Undecided when a backend has no point,
 * and never decided when the KB has no such pair.
 */
public final class ProbeHealthVerdict {
  /**
   * @param symptomId the symptom the metric decides
   * @param evidence the metric points that decided, one per backend
   * @param pair the two symptoms the metric tells apart
   */
  public record Decision(String symptomId, List<String> evidence, Pair pair) {
    /** Whether the metric shows a failing probe. */
    public boolean probesFail() {
      return symptomId.equals(pair.failing());
    }
  }

  /**
   * The two symptoms whose words are alike and Health Probe Status tells apart ({@code probeHealth}
   * in the KB).
   *
   * @param failing the symptom where some backend fails the probe
   * @param passing the symptom where every backend passes it
   */
  public record Pair(String failing, String passing) {
    /** The pair the knowledge base declares; empty unless one symptom is each side. */
    public static Optional<Pair> of(KnowledgeBase kb) {
      Optional<String> failing = side(kb, ProbeHealthSide.Shows.FAILING);
      Optional<String> passing = side(kb, ProbeHealthSide.Shows.PASSING);
      return failing.isPresent() && passing.isPresent() ? Optional.of(new Pair(failing.get(), passing.get())) : Optional.empty();
    }

    private static Optional<String> side(KnowledgeBase kb, ProbeHealthSide.Shows shows) {
      return kb.symptoms().stream().filter(s -> s.probeHealth() != null && s.probeHealth().shows() == shows).map(Symptom::id)
          .findFirst();
    }

    /** Whether the ids are the two of the pair, in any order. */
    public boolean both(java.util.Collection<String> ids) {
      return Set.copyOf(ids).equals(Set.of(failing, passing)) && ids.size() == 2;
    }

    /** Whether every id is one of the two (the best one or two candidates of a match). */
    public boolean containsAll(java.util.Collection<String> ids) {
      return Set.of(failing, passing).containsAll(ids);
    }

    /** Whether the id is one of the two. */
    public boolean either(String id) {
      return failing.equals(id) || passing.equals(id);
    }
  }

  /**
   * The symptom to triage when the words cannot tell probe-down from data-port-down: a failing
   * probe decides probe-down; every probe passing decides data-port-down, unless the words lean to
   * the probe (an alert that fired and resolved, backends marked down): then the probe triage
   * settles it from the facts. One rule for the conversation and {@code diagnose --symptom}.
   *
   * @param wordsLeanToProbe the matcher ranks probe-down strictly first
   */
  public static String settle(Decision d, boolean wordsLeanToProbe) {
    return !d.probesFail() && wordsLeanToProbe ? d.pair().failing() : d.symptomId();
  }

  private ProbeHealthVerdict() {}

  public static Optional<Decision> of(KnowledgeBase kb, AzureFacts facts, String lbId) {
    Optional<Pair> pair = Pair.of(kb);
    Optional<LoadBalancer> lb = facts.loadBalancer(lbId);
    if (lb.isEmpty() || pair.isEmpty()) {
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
      return Optional.of(new Decision(pair.get().failing(), failing, pair.get()));
    }
    if (latest.size() == ips.size()) {
      return Optional.of(new Decision(pair.get().passing(), latest.values().stream().map(ProbeHealth::evidence).toList(), pair.get()));
    }
    return Optional.empty();
  }
}
