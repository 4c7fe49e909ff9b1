package dev.lbtriage.rules.facts;

import java.util.List;

/** A subnet with the NSG and route table attached to it (null when none). */
public record Subnet(
    String id, String name, String vnetId, List<String> addressPrefixes, String nsgId, String routeTableId, Origin origin) {
  public Subnet {
    addressPrefixes = List.copyOf(addressPrefixes);
  }
}
