package dev.lbtriage.rules.diagnosis;

/**
 * Classification: the NSGs' verdict on the health probe's flow, 168.63.129.16 to a backend's probe port.
 *
 * @param evidence how it was decided, e.g. {@code denied by nsg-web/DenyAll@100 (NIC NSG, from nsg.json)}
 * @param deciding the NSG rule that denied it, null unless {@link Verdict#DENIED}
 */
public record ProbeFlow(String backendIp, String probeId, int port, Verdict verdict, String evidence, DecidingRule deciding) {}
