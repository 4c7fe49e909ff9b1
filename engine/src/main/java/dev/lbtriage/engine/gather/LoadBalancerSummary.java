package dev.lbtriage.engine.gather;

import dev.lbtriage.rules.facts.LbSku;

/**
 * A load balancer as a picker shows it, before its facts are gathered.
 *
 * @param internal true when no frontend has a public IP
 * @param source where it was found (a snapshot file, or {@code azure:<operation>})
 */
public record LoadBalancerSummary(
    String id, String name, String resourceGroup, String location, LbSku sku, boolean internal, String source) {

  /** What the engineer must know about the SKU (the Basic SKU's retirement and upgrade path), null when nothing. */
  public String notice() {
    return sku == null ? null : sku.retirementNotice(name, resourceGroup);
  }

  @Override
  public String toString() {
    return name + " (" + sku + ", " + (internal ? "internal" : "public") + ", " + resourceGroup + ")";
  }
}
