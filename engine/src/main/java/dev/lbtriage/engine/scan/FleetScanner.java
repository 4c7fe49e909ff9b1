package dev.lbtriage.engine.scan;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.graph.FleetFacts;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.Finding;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.diagnosis.Status;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.fleet.FleetLoadBalancer;
import dev.lbtriage.rules.fleet.FleetRules;
import dev.lbtriage.rules.fleet.HygieneFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans every load balancer of a fleet. For each, the seed's symptoms whose causes the facts alone can
 * decide run through the same rules a diagnosis runs, with no answer given: a finding they confirm is
 * confirmed by the facts (an NSG rule, a power state, a scale set's health probe); a cause that would
 * need an answer (is the port listening? what does the guest firewall do?) stays undecided and is not
 * reported. The symptoms' rules run in one session per load balancer ({@link Diagnoser#scan}: facts inserted and
 * classified once, the knowledge base filling in the text of what is reported from that same run), load balancers
 * spread over {@code threads}. The fleet hygiene rules then run over all load balancers in one session. Thread-safe.
 */
public final class FleetScanner {

  /** The symptoms a scan runs: those with a cause the KB marks {@code scan} (decided from the facts alone). */
  public static List<String> symptoms(KnowledgeBase kb) {
    return kb.symptoms().stream().filter(dev.lbtriage.kb.model.Symptom::scanned).map(dev.lbtriage.kb.model.Symptom::id).toList();
  }

  /** The causes a scan reports: those the KB marks {@code scan}. */
  public static Set<String> causes(KnowledgeBase kb) {
    return kb.symptoms().stream().flatMap(s -> s.causes().stream()).filter(dev.lbtriage.kb.model.Cause::scanned)
        .map(dev.lbtriage.kb.model.Cause::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * Suspicions a scan reports although not confirmed: decided by facts only, never by a missing answer.
   * A backend's replies to the probe source forced to a virtual appliance (or dropped) by a route.
   */
  public static final Set<String> FACT_SUSPICIONS = Set.of(
      "probe-misconfigured: the backend's replies are routed to an appliance or dropped");

  private final KnowledgeBase kb;
  private final List<String> scannedSymptoms;
  private final List<String> withoutScaleSets;
  private final Diagnoser diagnoser;
  private final FleetRules hygiene;
  private final int threads;

  public FleetScanner(KnowledgeBase kb, RuleEngine rules, FleetRules hygiene, int threads) {
    this.kb = kb;
    this.scannedSymptoms = symptoms(kb);
    this.withoutScaleSets = scannedSymptoms.stream().filter(s -> !s.equals("vmss-backend-port-locked")).toList();
    this.diagnoser = new Diagnoser(kb, rules);
    this.hygiene = hygiene;
    this.threads = Math.max(1, threads);
  }

  /** What each load balancer gave: its fleet view and its seed findings. */
  private record PerLb(LoadBalancer lb, FleetLoadBalancer view, List<ScanFinding> findings) {}

  public ScanReport scan(FleetFacts fleet, String scope) {
    List<LoadBalancer> lbs = fleet.loadBalancers();
    List<PerLb> results = new ArrayList<>(lbs.size());
    if (threads == 1 || lbs.size() < 64) {
      lbs.forEach(lb -> results.add(one(fleet, lb)));
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "fleet-scan");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<List<PerLb>>> parts = new ArrayList<>();
        int chunk = Math.max(1, (lbs.size() + threads * 8 - 1) / (threads * 8));
        for (int i = 0; i < lbs.size(); i += chunk) {
          List<LoadBalancer> part = lbs.subList(i, Math.min(lbs.size(), i + chunk));
          parts.add(pool.submit(() -> part.stream().map(lb -> one(fleet, lb)).toList()));
        }
        for (Future<List<PerLb>> f : parts) {
          results.addAll(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("fleet scan interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("fleet scan failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    List<ScanFinding> findings = new ArrayList<>();
    results.forEach(r -> findings.addAll(r.findings()));
    Map<String, LoadBalancer> byId = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    lbs.forEach(lb -> byId.putIfAbsent(lb.id(), lb));
    for (HygieneFinding h : hygiene.check(results.stream().map(PerLb::view).toList())) {
      LoadBalancer lb = byId.get(h.loadBalancerId());
      findings.add(new ScanFinding(ArmId.subscription(lb.id()), lb.id(), lb.name(), lb.resourceGroup(), h.check(),
          h.title(), h.status(), h.subject(), List.of(h.evidence()), h.fix(), h.mirrors(), h.rule()));
    }
    findings.sort(Comparator.comparing((ScanFinding f) -> String.valueOf(f.subscription()), String.CASE_INSENSITIVE_ORDER)
        .thenComparing(ScanFinding::loadBalancerId, String.CASE_INSENSITIVE_ORDER).thenComparing(ScanFinding::cause)
        .thenComparing(ScanFinding::subject));
    return new ScanReport(scope, lbs.size(), findings, summaries(lbs, findings),
        fleet.problems().stream().map(Object::toString).toList());
  }

  private PerLb one(FleetFacts fleet, LoadBalancer raw) {
    AzureFacts facts = fleet.facts(raw);
    LoadBalancer lb = facts.loadBalancers().get(0);
    List<ScanFinding> out = new ArrayList<>();
    // vmss-backend-port-locked's one cause needs a scale set among the facts (ScaleSetProbe): nothing to decide without one
    List<String> symptoms = facts.vmScaleSets().isEmpty() ? withoutScaleSets : scannedSymptoms;
    for (Diagnoser.Scanned scanned : diagnoser.scan(facts, lb, symptoms, f -> reportable(kb, f))) {
      Diagnosis d = scanned.diagnosis();
      List<Finding> reportable = scanned.findings();
      for (String cause : reportable.stream().map(Finding::cause).distinct().sorted().toList()) {
        Diagnosis.CauseFinding cf = d.findings().stream().filter(f -> f.cause().equals(cause)).findFirst().orElseThrow();
        List<Finding> mine = reportable.stream().filter(f -> f.cause().equals(cause)).toList();
        String decided = mine.stream().anyMatch(f -> f.status() == Status.CONFIRMED) ? ScanFinding.CONFIRMED : ScanFinding.SUSPECTED;
        // advisory (the KB's scan: advisory): true of a working load balancer until someone changes it, so a fleet
        // of normal scale sets does not fail CI
        boolean advisory = kb.cause(cause).map(c -> c.scan() == dev.lbtriage.kb.model.FleetScan.ADVISORY).orElse(false);
        String status = advisory && decided.equals(ScanFinding.CONFIRMED) ? ScanFinding.ADVISORY : decided;
        List<String> evidence = decided.equals(cf.status()) ? cf.evidence()
            : mine.stream().flatMap(f -> f.evidence().stream()).distinct().toList();
        List<String> subjects = mine.stream().map(Finding::subject).distinct().sorted().toList();
        out.add(new ScanFinding(ArmId.subscription(lb.id()), lb.id(), lb.name(), lb.resourceGroup(), cause, cf.title(), status,
            String.join(", ", subjects), evidence, fix(d, cause), "seed: " + scanned.symptom(),
            mine.stream().map(Finding::rule).distinct().sorted().findFirst().orElse(null),
            d.remediationOf(cause).map(Diagnosis.Remediation::fixes).orElse(List.of())));
      }
    }
    return new PerLb(lb, fleet.fleetView(facts), out);
  }

  /** Confirmed (no answer was given, so by facts) or a suspicion facts alone raise, of a cause a scan reports. */
  static boolean reportable(KnowledgeBase kb, Finding f) {
    if (!kb.cause(f.cause()).map(dev.lbtriage.kb.model.Cause::scanned).orElse(false)) {
      return false;
    }
    return f.status() == Status.CONFIRMED || (f.status() == Status.SUSPECTED && FACT_SUSPICIONS.contains(f.rule()));
  }

  /**
   * The fix in words the diagnosis fills in: its steps (its fix commands go with the finding as they
   * are); when it has neither, where to get it.
   */
  private String fix(Diagnosis d, String cause) {
    return d.remediationOf(cause).filter(r -> !r.steps().isEmpty() || !r.fixes().isEmpty())
        .map(r -> String.join("\n", r.steps())).orElseGet(() -> "run lb-triage diagnose on this load balancer for the " + cause + " fix: "
        + kb.symptoms().stream().flatMap(s -> s.causes().stream()).filter(c -> c.id().equals(cause)).map(Cause::title)
            .findFirst().orElse(cause));
  }

  private static List<SubscriptionSummary> summaries(List<LoadBalancer> lbs, List<ScanFinding> findings) {
    Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (LoadBalancer lb : lbs) {
      counts.computeIfAbsent(String.valueOf(ArmId.subscription(lb.id())), k -> new int[5])[0]++;
    }
    Map<String, Set<String>> confirmedLbs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (ScanFinding f : findings) {
      int[] c = counts.computeIfAbsent(String.valueOf(f.subscription()), k -> new int[5]);
      switch (f.status()) {
        case ScanFinding.CONFIRMED -> {
          c[2]++;
          confirmedLbs.computeIfAbsent(String.valueOf(f.subscription()), k -> new java.util.HashSet<>())
              .add(ArmId.normalize(f.loadBalancerId()));
        }
        case ScanFinding.SUSPECTED -> c[3]++;
        default -> c[4]++;
      }
    }
    List<SubscriptionSummary> out = new ArrayList<>();
    counts.forEach((sub, c) -> out.add(new SubscriptionSummary(sub, c[0], confirmedLbs.getOrDefault(sub, Set.of()).size(),
        c[2], c[3], c[4])));
    return out;
  }
}
