package dev.lbtriage.engine.scan;

/**
 * The findings of one subscription, counted.
 *
 * @param loadBalancers load balancers scanned
 * @param withConfirmed load balancers with at least one confirmed finding
 */
public record SubscriptionSummary(String subscription, int loadBalancers, int withConfirmed, int confirmed, int suspected,
    int advisory) {}
