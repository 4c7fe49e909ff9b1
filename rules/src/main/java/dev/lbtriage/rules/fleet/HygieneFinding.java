package dev.lbtriage.rules.fleet;

/**
 * What a fleet hygiene check found on one load balancer.
 *
 * @param check a stable id, e.g. {@code basic-sku-retired}
 * @param title the check's title, one line (from the rule that decided it)
 * @param mirrors the public rule it mirrors, e.g. {@code APRL 38c3bca1-97a1-eb42-8cd3-838b243f35ba}
 * @param status {@link #CONFIRMED} when traffic is (or will be) refused or the SKU is retired;
 *     {@link #ADVISORY} for a resiliency recommendation
 * @param loadBalancerId the load balancer's ARM id
 * @param subject what it is about: a rule, pool, probe or frontend name, {@code *} for the load balancer
 * @param evidence the facts that decided it, complete
 * @param fix what to do, filled in for this load balancer (no placeholder left)
 * @param rule the name of the rule that decided it
 */
public record HygieneFinding(String check, String title, String mirrors, String status, String loadBalancerId, String subject,
    String evidence, String fix, String rule) {
  public static final String CONFIRMED = "confirmed";
  public static final String ADVISORY = "advisory";
}
