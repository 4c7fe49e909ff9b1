package dev.lbtriage.rules.diagnosis;

/**
 * Classification: the NSGs' verdict on the health probe's flow, 168.63.129.16 to a backend's probe port.
 *
 * @param evidence how it was decided, e.g. {@code denied by nsg-web/DenyAll@100 (NIC NSG, nsg.json)}
 */
public record ProbeFlow(String backendIp, String probeId, int port, Verdict verdict, String evidence) {}
