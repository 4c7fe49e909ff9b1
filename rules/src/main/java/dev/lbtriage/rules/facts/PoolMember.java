package dev.lbtriage.rules.facts;

/**
 * A member of a backend pool, resolved as far as the facts allow.
 *
 * @param poolId the pool
 * @param ipConfigurationId the NIC IP configuration (NIC-based pools), else null
 * @param ipAddress the member's private IP (from the NIC or an IP-based pool), null when not resolved
 * @param nicId the NIC, derived from the IP configuration id (may be outside the snapshot)
 * @param vmId the VM, when the NIC names it
 * @param vmssId the VM scale set, for scale set instance NICs
 * @param vmssInstanceId the scale set instance id, for scale set instance NICs
 */
public record PoolMember(
    String poolId,
    String ipConfigurationId,
    String ipAddress,
    String nicId,
    String vmId,
    String vmssId,
    String vmssInstanceId) {}
