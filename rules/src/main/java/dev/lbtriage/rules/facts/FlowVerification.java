package dev.lbtriage.rules.facts;

/**
 * Azure Network Watcher's answer to one IP flow verify
 * ({@code POST .../networkWatchers/<w>/ipFlowVerify}, REST "Network Watchers - Verify IP Flow"):
 * the request's {@code VerificationIPFlowParameters} and the result's {@code access} and
 * {@code ruleName}. This is the verdict of the NSGs in force as Azure evaluates them, so it
 * decides a flow the offline evaluation cannot, and wins when the two disagree.
 *
 * @param targetResourceId the VM asked about
 * @param direction of the flow, as seen from the VM
 * @param protocol TCP or UDP
 * @param localIp the VM's private IP
 * @param localPort the VM's port, {@code -1} for {@code *}
 * @param remoteIp the other end (for the health probe 168.63.129.16)
 * @param remotePort as given, e.g. {@code *} or {@code 50000}
 * @param access Azure's verdict
 * @param ruleName the deciding rule as Azure names it, e.g. {@code securityRules/DenyAll}
 * @param networkWatcherId the watcher asked, null when not known
 * @param origin where it was read ({@code <name>.ip-flow-verify.json}, or {@code azure:ipFlowVerify} live)
 */
public record FlowVerification(
    String targetResourceId,
    Direction direction,
    TransportProtocol protocol,
    String localIp,
    int localPort,
    String remoteIp,
    String remotePort,
    Access access,
    String ruleName,
    String networkWatcherId,
    Origin origin) {

  /** One line: {@code Network Watcher IP flow verify (file): inbound TCP 168.63.129.16 -> 10.0.0.4:80: Deny by securityRules/DenyAll}. */
  public String describe() {
    return "Azure Network Watcher IP flow verify" + (origin == null || origin.file() == null ? "" : " (" + origin.file() + ")")
        + ": " + direction.name().toLowerCase(java.util.Locale.ROOT) + " " + protocol + " " + remoteIp + " -> " + localIp + ":"
        + (localPort < 0 ? "*" : String.valueOf(localPort)) + ": " + (access == Access.ALLOW ? "Allow" : "Deny")
        + (ruleName == null || ruleName.isBlank() ? "" : " by " + ruleName);
  }
}
