package dev.lbtriage.rules.diagnosis;

/**
 * Classification: the NSGs' verdict on client traffic to a backend's data port.
 *
 * @param source the client IP (from the user's answer) or a service tag ({@code Internet},
 *     {@code VirtualNetwork}) when the client is not known
 * @param specificClient true when {@code source} is the client's own address
 * @param deciding the NSG rule that denied it, null unless {@link Verdict#DENIED}
 */
public record DataFlow(
    String backendIp, String ruleId, int port, String source, boolean specificClient, Verdict verdict, String evidence,
    DecidingRule deciding) {}
