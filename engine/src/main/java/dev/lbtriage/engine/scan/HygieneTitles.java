package dev.lbtriage.engine.scan;

import java.util.Map;

/** The title of each fleet hygiene check (the KB gives the seed causes' titles). */
final class HygieneTitles {
  private static final Map<String, String> TITLES = Map.of(
      "basic-sku-retired", "Basic SKU load balancer (retired 30 September 2025)",
      "rule-pool-empty", "A load-balancing rule sends to an empty backend pool",
      "rule-without-probe", "A load-balancing rule has no health probe",
      "pool-single-backend", "A backend pool has fewer than two backends",
      "probe-web-health-endpoint", "A web-port health probe checks no dedicated health endpoint",
      "frontend-not-zone-redundant", "A Standard frontend is not zone-redundant",
      "outbound-rules-over-nat-gateway", "Outbound rules where a NAT gateway is recommended");

  private HygieneTitles() {}

  static String title(String check) {
    return TITLES.getOrDefault(check, check);
  }
}
