package dev.lbtriage.rules.facts;

/**
 * A health probe.
 *
 * @param requestPath for Http/Https probes, else null
 * @param intervalSeconds null when Azure did not say
 * @param numberOfProbes null when Azure did not say (the older failure count)
 * @param probeThreshold null when Azure did not say (the newer consecutive-count setting)
 */
public record HealthProbe(
    String id,
    String name,
    String loadBalancerId,
    ProbeProtocol protocol,
    int port,
    String requestPath,
    Integer intervalSeconds,
    Integer numberOfProbes,
    Integer probeThreshold,
    Origin origin) {}
