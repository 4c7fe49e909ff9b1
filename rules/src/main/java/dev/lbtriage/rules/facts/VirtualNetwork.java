package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A virtual network: its address space and the address spaces of its peerings, as far as the
 * snapshot shows them (together they are the {@code VirtualNetwork} service tag).
 */
public record VirtualNetwork(
    String id, String name, List<String> addressSpace, List<String> peeredAddressSpace, Origin origin) {
  public VirtualNetwork {
    addressSpace = List.copyOf(addressSpace);
    peeredAddressSpace = List.copyOf(peeredAddressSpace);
  }
}
