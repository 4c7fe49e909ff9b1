package dev.lbtriage.rules.facts;

/** Load balancer SKU. Basic is open by default, Standard is closed unless an NSG admits traffic. */
public enum LbSku {
  BASIC,
  STANDARD,
  GATEWAY,
  UNKNOWN
}
