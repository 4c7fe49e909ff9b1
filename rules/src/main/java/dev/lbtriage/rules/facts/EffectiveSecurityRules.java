package dev.lbtriage.rules.facts;

import java.util.List;

/** The effective security rules of a NIC, one group per NSG that applies (subnet, NIC). */
public record EffectiveSecurityRules(String nicId, String nicName, List<EffectiveNsg> groups, Origin origin) {
  public EffectiveSecurityRules {
    groups = List.copyOf(groups);
  }

  /**
   * One NSG as it applies to the NIC.
   *
   * @param nsgId the NSG (may be null in some shapes)
   * @param subnetId set when the NSG applies through the subnet
   * @param nicId set when the NSG applies through the NIC itself
   */
  public record EffectiveNsg(String nsgId, String subnetId, String nicId, List<SecurityRule> rules) {
    public EffectiveNsg {
      rules = List.copyOf(rules);
    }
  }
}
