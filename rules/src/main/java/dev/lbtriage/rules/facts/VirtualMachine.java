package dev.lbtriage.rules.facts;

import java.util.List;

/**
 * A virtual machine (or scale set instance) and its power state.
 *
 * @param powerState {@link PowerState#UNKNOWN} when the snapshot has no instance view
 * @param osType Windows or Linux when known, else null
 */
public record VirtualMachine(
    String id, String name, String resourceGroup, PowerState powerState, String osType, List<String> nicIds, Origin origin) {
  public VirtualMachine {
    nicIds = List.copyOf(nicIds);
  }
}
