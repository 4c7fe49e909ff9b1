package dev.lbtriage.rules.diagnosis;

/**
 * Classification: the NSGs' verdict on the health probe's flow, 168.63.129.16 to a backend's probe
 * port, for one backend, load-balancing rule and probe.
 *
 * @param ruleId the load-balancing rule whose probe this is
 * @param verdict the verdict in force: Azure Network Watcher's when the facts have its answer for
 *     this flow, else the offline evaluation's
 * @param offline the offline evaluation's verdict (equal to {@code verdict} unless Azure decided)
 * @param byAzure true when {@code verdict} is Network Watcher's answer
 * @param evidence how it was decided, e.g. {@code backend 10.0.0.4 (vm-web-1) in pool be, rule r, probe p: ... denied by nsg-web/DenyAll@100 (NIC NSG, from nsg.json)}
 * @param deciding the NSG rule that denied it, null unless {@link Verdict#DENIED} and the rule is known
 */
public record ProbeFlow(String backendIp, String probeId, String ruleId, int port, Verdict verdict, Verdict offline,
    boolean byAzure, String evidence, DecidingRule deciding) implements Concern {

  /** Network Watcher and the offline evaluation of the gathered rules disagree (Azure's verdict is in force). */
  public boolean disagreement() {
    return byAzure && offline != Verdict.UNKNOWN && offline != verdict;
  }
}
