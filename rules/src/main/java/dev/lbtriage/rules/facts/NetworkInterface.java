package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A network interface.
 *
 * @param nsgId the NSG attached to the NIC itself, null when none
 * @param vmId the VM it is attached to, null when none
 * @param vmssId the scale set, for scale set instance NICs
 */
public record NetworkInterface(
    String id,
    String name,
    String resourceGroup,
    List<NicIpConfiguration> ipConfigurations,
    String nsgId,
    String vmId,
    String vmssId,
    boolean ipForwarding,
    Origin origin) {
  public NetworkInterface {
    ipConfigurations = List.copyOf(ipConfigurations);
  }
}
