package dev.lbtriage.rules.diagnosis;

/**
 * Classification: the NSGs' verdict on client traffic to a backend's data port, for one backend and
 * load-balancing rule.
 *
 * <p>With the client's own address ({@code specificClient}) the verdict is for that address. Without
 * it, the verdict is for <em>every</em> client: {@link Verdict#DENIED} only when the flow is denied
 * from inside the virtual network and from the internet alike (whoever the client is), {@link
 * Verdict#ALLOWED} only when it is allowed from both, else {@link Verdict#UNKNOWN} (the client's
 * address decides; ask for it). No source is assumed.
 *
 * @param source the client IP (from the user's answer), or {@code any client}
 * @param specificClient true when {@code source} is the client's own address
 * @param verdict the verdict in force (Network Watcher's when the facts have its answer for this flow)
 * @param offline the offline evaluation's verdict
 * @param byAzure true when {@code verdict} is Network Watcher's answer
 * @param deciding the NSG rule that denied it, null unless {@link Verdict#DENIED} and the rule is known
 */
public record DataFlow(
    String backendIp, String ruleId, int port, String source, boolean specificClient, Verdict verdict, Verdict offline,
    boolean byAzure, String evidence, DecidingRule deciding) implements Concern {

  /** Network Watcher and the offline evaluation of the gathered rules disagree (Azure's verdict is in force). */
  public boolean disagreement() {
    return byAzure && offline != Verdict.UNKNOWN && offline != verdict;
  }
}
