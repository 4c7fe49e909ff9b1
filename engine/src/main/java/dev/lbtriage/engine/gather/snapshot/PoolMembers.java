package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.PoolMember;
import java.util.Locale;

/** Builds pool members from what an ARM id says: NIC, scale set and instance of an IP configuration. */
final class PoolMembers {

  private PoolMembers() {}

  /** A NIC-based member, everything derived from the IP configuration id. */
  static PoolMember fromIpConfiguration(String poolId, String ipConfigurationId, String ipAddress) {
    String nicId = nicOf(ipConfigurationId);
    return new PoolMember(poolId, ipConfigurationId, ipAddress, nicId, null, vmssOf(nicId),
        vmssOf(nicId) == null ? null : ArmId.segment(nicId, "virtualMachines").orElse(null));
  }

  /** The NIC of {@code .../networkInterfaces/nic/ipConfigurations/ipc}, or null for other ids. */
  static String nicOf(String ipConfigurationId) {
    if (ipConfigurationId == null) {
      return null;
    }
    String lower = ipConfigurationId.toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf("/ipconfigurations/");
    return at < 0 || !lower.substring(0, at).contains("/networkinterfaces/") ? null
        : ipConfigurationId.substring(0, at);
  }

  /** The scale set of a scale set instance id (NIC, VM or IP configuration), else null. */
  static String vmssOf(String id) {
    if (id == null) {
      return null;
    }
    String lower = id.toLowerCase(Locale.ROOT);
    int at = lower.indexOf("/virtualmachinescalesets/");
    if (at < 0 || !lower.contains("/virtualmachines/")) {
      return null;
    }
    int nameStart = at + "/virtualmachinescalesets/".length();
    int end = id.indexOf('/', nameStart);
    return end < 0 ? id : id.substring(0, end);
  }

  /** The instance VM of a scale set instance NIC: {@code .../virtualMachineScaleSets/s/virtualMachines/0}. */
  static String vmssInstanceVmOf(String nicId) {
    String vmss = vmssOf(nicId);
    String instance = vmss == null ? null : ArmId.segment(nicId, "virtualMachines").orElse(null);
    return instance == null ? null : vmss + "/virtualMachines/" + instance;
  }
}
