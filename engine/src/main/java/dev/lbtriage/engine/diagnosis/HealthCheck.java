package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.BackendRoute;
import dev.lbtriage.rules.diagnosis.DataFlow;
import dev.lbtriage.rules.diagnosis.DiagnosisSession;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.ProbeHealth;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.diagnosis.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the facts show the load balancer's own path healthy: every backend's health probe up
 * (DipAvailability 100 %), no backend stopped, no NSG rule denying and no route diverting the probe
 * or the clients, and no cause confirmed. Decided only for the symptoms whose KB entry has a {@code healthCheck}
 * (what is left to look at comes from there); the rules' classifications are read, nothing is decided twice.
 */
final class HealthCheck {
  private static final double UP = 100.0 - 1e-9;

  private HealthCheck() {}

  static Diagnosis.Health of(Symptom symptom, DiagnosisSession session, List<Diagnosis.CauseFinding> findings) {
    if (symptom.healthCheck() == null) {
      return Diagnosis.Health.unknown();
    }
    List<Backend> backends = session.objects(Backend.class).stream().sorted(Comparator.comparing(Backend::ip)).toList();
    List<ProbeHealth> probes = session.objects(ProbeHealth.class).stream().sorted(Comparator.comparing(ProbeHealth::evidence)).toList();
    if (backends.isEmpty() || findings.stream().anyMatch(f -> f.status().equals(Status.CONFIRMED.id()))) {
      return Diagnosis.Health.unknown();
    }
    List<String> evidence = new ArrayList<>();
    for (Backend b : backends) {
      Optional<ProbeHealth> h = probes.stream().filter(p -> p.backendIp().equals(b.ip())).findFirst();
      if (h.isEmpty() || h.get().latest() < UP || b.down()) {
        return Diagnosis.Health.unknown();
      }
      evidence.add(h.get().evidence());
    }
    List<ProbeFlow> probeFlows = session.objects(ProbeFlow.class);
    List<DataFlow> dataFlows = session.objects(DataFlow.class);
    if (probeFlows.stream().anyMatch(p -> p.verdict() == Verdict.DENIED) || dataFlows.stream().anyMatch(p -> p.verdict() == Verdict.DENIED)
        || session.objects(BackendRoute.class).stream().anyMatch(BackendRoute::diverted)) {
      return Diagnosis.Health.unknown();
    }
    long allowed = probeFlows.stream().filter(p -> p.verdict() == Verdict.ALLOWED).count()
        + dataFlows.stream().filter(p -> p.verdict() == Verdict.ALLOWED).count();
    evidence.add("no NSG rule denies the probe or the clients (" + allowed + " flow" + (allowed == 1 ? "" : "s")
        + " checked against the NSGs), and no route diverts the backends' traffic");
    return new Diagnosis.Health(true, evidence, symptom.healthCheck().leftToLookAt());
  }

  /**
   * Whether a healthy path leaves nothing to ask: for a failing probe, the metric already shows every
   * backend answers it, so the questions about responding and listening are settled.
   */
  static boolean settlesQuestions(Symptom symptom) {
    return symptom.healthCheck() != null && symptom.healthCheck().settlesQuestions();
  }
}
