package dev.lbtriage.rules.facts;

import java.util.Set;

/**
 * A health probe.
 *
 * <p>How Azure uses it (https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview):
 * an Http/Https probe counts only an HTTP 200 as up (any other status, e.g. a 301, 401 or 404, marks
 * the backend down though the port listens); Http probes cannot use the ports in
 * {@link #HTTP_DISALLOWED_PORTS}; IPv4 probes come from 168.63.129.16 (service tag
 * {@code AzureLoadBalancer}), IPv6 probes from a link-local address.
 *
 * @param requestPath for Http/Https probes, else null
 * @param intervalSeconds null when Azure did not say
 * @param numberOfProbes null when Azure did not say (the older failure count)
 * @param probeThreshold null when Azure did not say (the newer consecutive-count setting)
 * @param noHealthyBackendsBehavior {@code AllProbedDown} or {@code AllProbedUp}, null when Azure did not say
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
    String noHealthyBackendsBehavior,
    Origin origin) {

  /**
   * "HTTP probes don't support probing on the following ports due to security concerns: 19, 21, 25,
   * 70, 110, 119, 143, 220, 993." (load-balancer-custom-probe-overview, Limitations).
   */
  public static final Set<Integer> HTTP_DISALLOWED_PORTS = Set.of(19, 21, 25, 70, 110, 119, 143, 220, 993);

  /** Without {@code noHealthyBackendsBehavior}. */
  public HealthProbe(String id, String name, String loadBalancerId, ProbeProtocol protocol, int port, String requestPath,
      Integer intervalSeconds, Integer numberOfProbes, Integer probeThreshold, Origin origin) {
    this(id, name, loadBalancerId, protocol, port, requestPath, intervalSeconds, numberOfProbes, probeThreshold, null, origin);
  }

  /** Http or Https: only a 200 counts as up. */
  public boolean http() {
    return protocol == ProbeProtocol.HTTP || protocol == ProbeProtocol.HTTPS;
  }

  /** An Http(s) probe on a port Azure does not probe over HTTP. */
  public boolean onDisallowedPort() {
    return http() && HTTP_DISALLOWED_PORTS.contains(port);
  }

  /**
   * The probe's settings as evidence: protocol, port, path, interval, threshold, behaviour when all
   * are down, e.g. {@code probe httpProbe: Http port 80 path /health, every 5 s, probeThreshold 1,
   * noHealthyBackendsBehavior AllProbedDown (lb.json)}. Settings Azure did not give are left out.
   */
  public String describe() {
    StringBuilder b = new StringBuilder("probe ").append(name).append(": ")
        .append(protocol == null ? "?" : protocol.display()).append(" port ").append(port);
    if (http()) {
      b.append(" path ").append(requestPath == null ? "(none)" : requestPath);
    }
    if (intervalSeconds != null) {
      b.append(", every ").append(intervalSeconds).append(" s");
    }
    if (probeThreshold != null) {
      b.append(", probeThreshold ").append(probeThreshold);
    }
    if (numberOfProbes != null) {
      b.append(", numberOfProbes ").append(numberOfProbes);
    }
    if (noHealthyBackendsBehavior != null) {
      b.append(", noHealthyBackendsBehavior ").append(noHealthyBackendsBehavior);
    }
    if (origin != null && origin.file() != null) {
      b.append(" (").append(origin.file()).append(')');
    }
    return b.toString();
  }
}
