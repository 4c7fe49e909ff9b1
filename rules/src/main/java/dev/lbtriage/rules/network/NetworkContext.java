package dev.lbtriage.rules.network;

import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an evaluation needs besides the rules: the address space behind the {@code VirtualNetwork}
 * tag (null when the VNet is not in the facts) and who is in which application security group.
 *
 * @param virtualNetwork the VNet's address space plus its peerings' address spaces; null = unknown
 * @param vnetName for messages
 */
public record NetworkContext(AddressSet virtualNetwork, String vnetName, AsgMembership asgs) {
  public NetworkContext {
    Objects.requireNonNull(asgs, "asgs");
  }

  /** The VNet's address space and peered address spaces; ASG membership unknown. */
  public static NetworkContext of(VirtualNetwork vnet) {
    if (vnet == null) {
      return withoutVnet();
    }
    List<String> prefixes = new ArrayList<>(vnet.addressSpace());
    prefixes.addAll(vnet.peeredAddressSpace());
    return new NetworkContext(AddressSet.of(prefixes.toArray(String[]::new)), vnet.name(), AsgMembership.unknown());
  }

  /** A VNet given by its prefixes (tests, callers without facts). */
  public static NetworkContext ofPrefixes(String... prefixes) {
    return new NetworkContext(AddressSet.of(prefixes), null, AsgMembership.unknown());
  }

  /** No VNet known: rules on {@code VirtualNetwork} / {@code Internet} may be undecidable. */
  public static NetworkContext withoutVnet() {
    return new NetworkContext(null, null, AsgMembership.unknown());
  }

  public NetworkContext withAsgs(AsgMembership membership) {
    return new NetworkContext(virtualNetwork, vnetName, membership);
  }

  public boolean vnetKnown() {
    return virtualNetwork != null;
  }
}
