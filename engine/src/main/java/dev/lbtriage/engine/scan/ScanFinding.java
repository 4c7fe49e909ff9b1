package dev.lbtriage.engine.scan;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import java.util.List;

/**
 * One finding of a fleet scan: a load balancer, a cause (a KB cause id) or hygiene check id, its
 * status, the evidence, and the fix filled in for that load balancer.
 *
 * @param subscription the load balancer's subscription id
 * @param loadBalancerId the load balancer's ARM id
 * @param loadBalancer its name
 * @param resourceGroup its resource group
 * @param cause a KB cause id (e.g. {@code probe-port-blocked}) or a hygiene check id (e.g. {@code basic-sku-retired})
 * @param title what the cause or check is, in words
 * @param status {@code confirmed}, {@code suspected} or {@code advisory}
 * @param subject what it is about: a backend IP, a rule, pool, probe or frontend name, {@code *} for the load balancer
 * @param evidence the facts that decided it
 * @param fix what to do in words, filled in (a hygiene check's whole fix); empty when {@code commands} say it all
 * @param source where the check comes from: the seed (a symptom id) or the public rule it mirrors
 * @param rule the name of the rule that decided it
 * @param commands the commands that fix it, filled in, in the order to run them (a KB cause's; none for a hygiene check)
 */
public record ScanFinding(String subscription, String loadBalancerId, String loadBalancer, String resourceGroup, String cause,
    String title, String status, String subject, List<String> evidence, String fix, String source, String rule,
    List<Diagnosis.Command> commands) {
  public static final String CONFIRMED = "confirmed";
  public static final String SUSPECTED = "suspected";
  public static final String ADVISORY = "advisory";

  public ScanFinding {
    evidence = List.copyOf(evidence);
    commands = commands == null ? List.of() : List.copyOf(commands);
  }

  /** A finding whose fix is words only (a hygiene check). */
  public ScanFinding(String subscription, String loadBalancerId, String loadBalancer, String resourceGroup, String cause,
      String title, String status, String subject, List<String> evidence, String fix, String source, String rule) {
    this(subscription, loadBalancerId, loadBalancer, resourceGroup, cause, title, status, subject, evidence, fix, source, rule,
        List.of());
  }
}
