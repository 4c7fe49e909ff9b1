package dev.lbtriage.kb.model;

/**
 * The facts an automatic check can need, by name. Kept as a closed set so a KB entry that names a
 * fact nobody gathers is an error when the KB is loaded. The YAML spelling is the kebab-case
 * {@link #id()}.
 */
public enum FactName {
  LOAD_BALANCER("load-balancer"),
  HEALTH_PROBES("health-probes"),
  LOAD_BALANCING_RULES("load-balancing-rules"),
  BACKEND_POOLS("backend-pools"),
  NETWORK_INTERFACES("network-interfaces"),
  VM_POWER_STATE("vm-power-state"),
  NETWORK_SECURITY_GROUPS("network-security-groups"),
  EFFECTIVE_SECURITY_RULES("effective-security-rules"),
  EFFECTIVE_ROUTES("effective-routes"),
  ROUTE_TABLES("route-tables"),
  VM_SCALE_SETS("vm-scale-sets"),
  PROBE_HEALTH_METRIC("probe-health-metric"),
  DATA_PATH_METRIC("data-path-metric"),
  LIVE_CHECK("live-check");

  private final String id;

  FactName(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static java.util.Optional<FactName> byId(String id) {
    for (FactName f : values()) {
      if (f.id.equals(id)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
