package dev.lbtriage.rules.fleet;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.LoadBalancingRule;
import dev.lbtriage.rules.facts.ProbeProtocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One load balancer of a fleet scan as the hygiene rules see it: the same {@link LoadBalancer} fact a
 * diagnosis uses (pools completed with their members), plus what only the hygiene checks need.
 *
 * @param lb the load balancer, pools resolved
 * @param frontendZones the zones of each frontend
 * @param outboundRules how many outbound rules it has
 * @param poolsFedByScaleSets ids (normalised) of pools a scale set's model joins: their size is not known from the pool
 */
public record FleetLoadBalancer(LoadBalancer lb, List<FrontendZones> frontendZones, int outboundRules,
    Set<String> poolsFedByScaleSets) {

  /**
   * Regions with availability zones, as the Azure Proactive Resiliency Library's query 621dbc78
   * lists them (research/resource-graph/kql-aprl/loadBalancers/621dbc78-3745-4d32-8eac-9e65b27b7512.kql).
   */
  public static final Set<String> ZONE_REGIONS = Set.of("australiaeast", "brazilsouth", "canadacentral", "centralindia",
      "centralus", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral", "israelcentral", "italynorth",
      "japaneast", "japanwest", "koreacentral", "mexicocentral", "newzealandnorth", "northeurope", "norwayeast",
      "polandcentral", "qatarcentral", "southafricanorth", "southcentralus", "southeastasia", "spaincentral",
      "swedencentral", "switzerlandnorth", "uaenorth", "uksouth", "westeurope", "westus2", "westus3", "usgovvirginia",
      "chinanorth3");

  /** PSRule Azure.LB.Probe checks probes on these ports only (Azure.LB.Rule.ps1). */
  public static final Set<Integer> WEB_PORTS = Set.of(80, 443, 8080);

  public FleetLoadBalancer {
    frontendZones = List.copyOf(frontendZones);
    poolsFedByScaleSets = Set.copyOf(poolsFedByScaleSets);
  }

  public String id() {
    return lb.id();
  }

  public boolean basic() {
    return lb.sku() == LbSku.BASIC;
  }

  public boolean standard() {
    return lb.sku() == LbSku.STANDARD;
  }

  public boolean inZoneRegion() {
    return lb.location() != null && ZONE_REGIONS.contains(lb.location().toLowerCase(Locale.ROOT).replace(" ", ""));
  }

  public Optional<BackendPool> pool(String poolId) {
    return lb.pools().stream().filter(p -> ArmId.same(p.id(), poolId)).findFirst();
  }

  public boolean fedByScaleSet(BackendPool pool) {
    return poolsFedByScaleSets.contains(ArmId.normalize(pool.id()));
  }

  /** A pool with no member and no scale set joining it. */
  public boolean empty(BackendPool pool) {
    return pool.members().isEmpty() && !fedByScaleSet(pool);
  }

  /** Whether some load-balancing rule sends to this pool. */
  public boolean behindRule(BackendPool pool) {
    return lb.rules().stream().anyMatch(r -> r.backendPoolIds().stream().anyMatch(p -> ArmId.same(p, pool.id())));
  }

  /** The empty pools a rule sends to. */
  public List<BackendPool> emptyPoolsOf(LoadBalancingRule rule) {
    return rule.backendPoolIds().stream().map(this::pool).flatMap(Optional::stream).filter(this::empty).toList();
  }

  /**
   * PSRule Azure.LB.Probe (AZR-000126): a probe on port 80, 443 or 8080 must be Http or Https with a
   * request path other than {@code /}. Null when the probe passes, else why it fails.
   */
  public static String webProbeProblem(HealthProbe p) {
    if (!WEB_PORTS.contains(p.port())) {
      return null;
    }
    if (p.protocol() == ProbeProtocol.TCP) {
      return "a Tcp probe on web port " + p.port() + " only sees that the port accepts connections, not that the application answers";
    }
    if (p.http() && "/".equals(p.requestPath())) {
      return "an " + p.protocol().display() + " probe on the root path / reports the site, not the application's health";
    }
    return null;
  }
}
