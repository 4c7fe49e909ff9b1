package dev.lbtriage.engine.gather.azure;

/**
 * Network Watcher's IP flow verify answer for one flow to a backend: would the NSGs in force let
 * it in, and which rule decides.
 *
 * @param vmId the backend VM asked about
 * @param localIp the backend's private IP
 * @param localPort the destination port on the backend (e.g. the probe port)
 * @param remoteIp the source (for the health probe: {@code 168.63.129.16})
 * @param access {@code Allow} or {@code Deny}, as Azure says it
 * @param ruleName the deciding rule, e.g. {@code securityRules/deny-all} or {@code defaultSecurityRules/AllowAzureLoadBalancerInBound}
 * @param networkWatcherId the watcher that answered
 */
public record FlowVerdict(String vmId, String localIp, int localPort, String remoteIp, String access, String ruleName,
    String networkWatcherId) {

  public boolean allowed() {
    return "Allow".equalsIgnoreCase(access);
  }
}
