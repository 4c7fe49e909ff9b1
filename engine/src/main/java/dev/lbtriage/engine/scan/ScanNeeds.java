package dev.lbtriage.engine.scan;

import dev.lbtriage.kb.model.FactName;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.PowerState;

/**
 * Whether a load balancer's facts hold what a symptom needs before a fleet scan runs it (the KB's {@code scanNeeds},
 * {@link Symptom#scanNeeds}): a symptom none of whose causes could be decided without a fact is not run without it.
 */
final class ScanNeeds {
  private ScanNeeds() {}

  /** True when the facts hold every fact the symptom's {@code scanNeeds} names. */
  static boolean met(Symptom symptom, AzureFacts facts) {
    return symptom.scanNeeds().stream().allMatch(f -> holds(facts, f));
  }

  /** Whether the facts hold any of this fact (a scan runs no live check). */
  static boolean holds(AzureFacts facts, FactName fact) {
    return switch (fact) {
      case LOAD_BALANCER -> !facts.loadBalancers().isEmpty();
      case HEALTH_PROBES -> facts.loadBalancers().stream().anyMatch(lb -> !lb.probes().isEmpty());
      case LOAD_BALANCING_RULES -> facts.loadBalancers().stream().anyMatch(lb -> !lb.rules().isEmpty());
      case BACKEND_POOLS -> facts.loadBalancers().stream().map(LoadBalancer::pools).anyMatch(p -> !p.isEmpty());
      case NETWORK_INTERFACES -> !facts.networkInterfaces().isEmpty();
      case VM_POWER_STATE -> facts.virtualMachines().stream().anyMatch(v -> v.powerState() != PowerState.UNKNOWN);
      case NETWORK_SECURITY_GROUPS -> !facts.networkSecurityGroups().isEmpty();
      case EFFECTIVE_SECURITY_RULES -> !facts.effectiveSecurityRules().isEmpty();
      case EFFECTIVE_ROUTES -> !facts.effectiveRoutes().isEmpty();
      case ROUTE_TABLES -> !facts.routeTables().isEmpty();
      case VM_SCALE_SETS -> !facts.vmScaleSets().isEmpty();
      case PROBE_HEALTH_METRIC -> facts.metrics().stream().anyMatch(m -> m.is("DipAvailability"));
      case DATA_PATH_METRIC -> facts.metrics().stream().anyMatch(m -> m.is("VipAvailability"));
      case LIVE_CHECK -> false;
    };
  }
}
