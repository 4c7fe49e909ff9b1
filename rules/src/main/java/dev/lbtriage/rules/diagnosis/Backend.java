package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.PowerState;

/**
 * Classification: a backend of the load balancer under triage, resolved from a pool member to its
 * NIC and VM as far as the facts allow.
 *
 * @param ip the backend's private IP ({@code ?} when not resolved)
 * @param nicId null when the member is IP-based or its NIC is not known
 * @param vmName the VM (or scale set instance) name, null when not known
 * @param powerState {@link PowerState#UNKNOWN} without an instance view
 * @param origin where the power state was read, for evidence
 */
public record Backend(
    String loadBalancerId, String poolId, String ip, String nicId, String vmId, String vmName, String vmssId,
    PowerState powerState, String origin) {

  public boolean down() {
    return powerState.down();
  }
}
